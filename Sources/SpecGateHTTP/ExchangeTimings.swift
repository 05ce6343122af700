/// How long the parts of one exchange took (its last attempt).
public struct ExchangeTimings: Sendable, Hashable {
    /// Opening the connection (TCP, and the proxy tunnel when there is one); nil when a kept-alive
    /// connection was reused.
    public var connect: Duration?
    /// From the request being written to the first byte of the response (TLS handshake included on a
    /// new https connection, since the request waits for it).
    public var firstByte: Duration
    /// From the start of the attempt (connecting included) to the last byte of the response.
    public var total: Duration

    public init(connect: Duration? = nil, firstByte: Duration = .zero, total: Duration = .zero) {
        self.connect = connect
        self.firstByte = firstByte
        self.total = total
    }
}
