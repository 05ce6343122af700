/// Progress of ``HTTPTransport/sendAll(_:progress:)``, reported after each finished exchange.
public struct TransportProgress: Sendable, Hashable {
    /// Exchanges finished so far.
    public var done: Int
    /// Exchanges requested.
    public var total: Int
    /// Finished exchanges that ended in a transport error.
    public var errors: Int
    /// Time since `sendAll` started.
    public var elapsed: Duration

    /// Creates a progress report.
    public init(done: Int, total: Int, errors: Int, elapsed: Duration) {
        self.done = done
        self.total = total
        self.errors = errors
        self.elapsed = elapsed
    }
}
