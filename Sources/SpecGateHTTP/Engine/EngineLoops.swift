import NIOCore
import NIOPosix
import Synchronization

/// The event loops the engine opens its connections on: a few of NIO's shared loops, not one per core.
///
/// A loop carries many connections at once: its thread wakes for every socket that became readable
/// while it was busy, and handles them in one pass. Spreading eight connections over two loops on a
/// two-core machine made each thread wake for one response at a time, and every wake-up is a context
/// switch shared with the checks' threads (and, in a local run, with the server under test). Measured
/// on `make bench`'s run rate (2 cores, concurrency 8, the sandbox on the same machine): one loop
/// instead of two gave 17% more requests per second for 12% less CPU and a third fewer context switches.
/// More loops help only when connections are many or TLS handshakes are costly: one loop per 16
/// connections, at most a quarter of the cores.
final class EngineLoops: Sendable {
    let loops: [any EventLoop]
    private let counter = Atomic<Int>(0)

    init(concurrency: Int, cores: Int = System.coreCount, group: MultiThreadedEventLoopGroup = .singleton) {
        let wanted = Self.count(concurrency: concurrency, cores: cores)
        var loops: [any EventLoop] = []
        for loop in group.makeIterator() where loops.count < wanted { loops.append(loop) }
        if loops.isEmpty { loops.append(group.next()) }
        self.loops = loops
    }

    /// How many loops a transport of `concurrency` connections uses on a machine of `cores` cores.
    static func count(concurrency: Int, cores: Int) -> Int {
        max(1, min(cores / 4, (max(1, concurrency) + 15) / 16))
    }

    /// The loop the next new connection is opened on, in turn.
    func next() -> any EventLoop {
        let turn = counter.add(1, ordering: .relaxed).oldValue
        return loops[Int(turn.magnitude % UInt(loops.count))]
    }
}
