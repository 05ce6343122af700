import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Turns SIGINT/SIGTERM into cancellation of a task, remembering which signal arrived
/// (exit 130 for SIGINT, 143 for SIGTERM).
public final class SignalTrap {
    private let sources: [any DispatchSourceSignal]
    private let received: SignalBox

    /// Starts trapping; `onSignal` runs once per signal (on a private queue).
    public init(signals: [Int32] = [SIGINT, SIGTERM], onSignal: @escaping @Sendable (Int32) -> Void) {
        let box = SignalBox()
        received = box
        let queue = DispatchQueue(label: "specgate.signals")
        sources = signals.map { number in
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                box.set(number)
                onSignal(number)
            }
            source.resume()
            return source
        }
    }

    /// The first signal received, if any.
    public var signal: Int32? { received.value }

    /// Stops trapping and restores the default handlers.
    public func cancel() {
        for source in sources { source.cancel() }
        Glibc.signal(SIGINT, SIG_DFL)
        Glibc.signal(SIGTERM, SIG_DFL)
    }
}

/// The first signal number, set once.
final class SignalBox: Sendable {
    private let stored = Mutex<Int32?>(nil)

    var value: Int32? { stored.withLock { $0 } }

    func set(_ number: Int32) {
        stored.withLock { if $0 == nil { $0 = number } }
    }
}
