import Synchronization

/// Kept-alive connections, per origin, waiting for their next request.
///
/// A connection goes back only when its last response ended cleanly and neither side asked to close
/// (the exchange handler decides that); one whose peer has since closed it is dropped when it would
/// be handed out, never used. At most `capacity` idle connections are kept per origin (the run's
/// `--concurrency`); more are closed.
final class ConnectionPool: Sendable {
    private struct State {
        var idle: [Origin: [HTTP1Connection]] = [:]
        /// After `closeAll`, connections given back are closed instead of kept.
        var closed = false
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The most recently used idle connection to `origin` that is still open, if any.
    func take(_ origin: Origin) -> HTTP1Connection? {
        var closed: [HTTP1Connection] = []
        let found = state.withLock { state -> HTTP1Connection? in
            while let connection = state.idle[origin]?.popLast() {
                if connection.isUsable { return connection }
                closed.append(connection)
            }
            return nil
        }
        for connection in closed { connection.close() }
        return found
    }

    /// Keeps `connection` for the next request to its origin, or closes it when it is no longer open
    /// or the pool is full.
    func put(_ connection: HTTP1Connection) {
        guard connection.isUsable else {
            connection.close()
            return
        }
        let kept = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            guard (state.idle[connection.origin]?.count ?? 0) < capacity else { return false }
            state.idle[connection.origin, default: []].append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    /// Closes every idle connection and waits for them to close.
    func closeAll() async {
        let all = state.withLock { state -> [HTTP1Connection] in
            defer {
                state.idle = [:]
                state.closed = true
            }
            return state.idle.values.flatMap { $0 }
        }
        for connection in all {
            try? await connection.channel.close()
        }
    }
}
