import SpecGateCore

/// A received HTTP response.
public struct HTTPResponseRecord: Sendable, Hashable {
    /// Status code.
    public var status: Int
    /// Header fields in the order received.
    public var headers: [HeaderField]
    /// Body bytes, at most ``TransportOptions/maxResponseBytes``.
    public var body: [UInt8]
    /// The body was longer than ``TransportOptions/maxResponseBytes`` and was cut (the rest was not read).
    public var bodyTruncated: Bool
    /// Time from sending the request until the body was read (last attempt only).
    public var elapsed: Duration
    /// Body bytes taken from the connection: `body.count`, plus the rest of the chunk that crossed the
    /// limit when the body was cut (reading stops there, so a huge body is never buffered).
    public var bodyBytesReceived: Int
    /// Connect, time to first byte and total of the last attempt.
    public var timings = ExchangeTimings()

    /// Creates a response record; `bodyBytesReceived` defaults to the body's size.
    public init(
        status: Int, headers: [HeaderField], body: [UInt8], bodyTruncated: Bool = false, elapsed: Duration = .zero,
        bodyBytesReceived: Int? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.elapsed = elapsed
        self.bodyBytesReceived = bodyBytesReceived ?? body.count
    }

    /// First value of the header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// All values of the header called `name` (case-insensitive), in order.
    public func headers(named name: String) -> [String] {
        headers.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }
}
