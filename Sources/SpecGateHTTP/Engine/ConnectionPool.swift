import Synchronization

/// Kept-alive connections, per origin, waiting for their next request.
///
/// A connection goes back only when its last response ended cleanly and neither side asked to close
/// (the exchange handler decides that); one whose peer has since closed it is dropped when it would
/// be handed out, never used. At most `capacity` idle connections are kept per origin (the run's
/// `--concurrency`); more are closed.
final class ConnectionPool: Sendable {
    private let idle = Mutex<[Origin: [HTTP1Connection]]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The most recently used idle connection to `origin` that is still open, if any.
    func take(_ origin: Origin) -> HTTP1Connection? {
        var closed: [HTTP1Connection] = []
        let found = idle.withLock { idle -> HTTP1Connection? in
            while let connection = idle[origin]?.popLast() {
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
        let kept = idle.withLock { idle -> Bool in
            var list = idle[connection.origin] ?? []
            guard list.count < capacity else { return false }
            list.append(connection)
            idle[connection.origin] = list
            return true
        }
        if !kept { connection.close() }
    }

    /// Closes every idle connection and waits for them to close.
    func closeAll() async {
        let all = idle.withLock { idle -> [HTTP1Connection] in
            defer { idle = [:] }
            return idle.values.flatMap { $0 }
        }
        for connection in all {
            try? await connection.channel.close()
        }
    }
}
