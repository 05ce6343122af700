import NIOCore
import Synchronization

/// Waits until a deadline on an event loop or until the waiting task is cancelled, whichever comes
/// first. Unlike `Task.sleep`, a cancelled wait releases its timer at once (the NIO scheduled task is
/// cancelled), so one per request costs nothing after the request is done.
final class ExchangeDeadline: Sendable {
    private struct State {
        var finished = false
        var expired = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// True when the deadline passed (false when the wait was cancelled first).
    static func wait(_ duration: TimeAmount, on eventLoop: any EventLoop) async -> Bool {
        let deadline = ExchangeDeadline()
        let scheduled = eventLoop.scheduleTask(in: duration) { deadline.finish(expired: true) }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in deadline.park(continuation) }
        } onCancel: {
            deadline.finish(expired: false)
        }
        scheduled.cancel()
        return deadline.state.withLock { $0.expired }
    }

    private func park(_ continuation: CheckedContinuation<Void, Never>) {
        let resumeNow = state.withLock { state -> Bool in
            if state.finished { return true }
            state.waiter = continuation
            return false
        }
        if resumeNow { continuation.resume() }
    }

    private func finish(expired: Bool) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.finished else { return nil }
            state.finished = true
            state.expired = expired
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
