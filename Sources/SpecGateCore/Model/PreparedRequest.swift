/// A concrete HTTP request, ready to send: what generation produces and the transport sends.
public struct PreparedRequest: Sendable, Hashable {
    public var method: HTTPMethod
    /// Path with parameters substituted and percent-encoded, plus the query string: "/v2/bookings/abc?x=1".
    public var pathAndQuery: String
    /// In sending order; names as sent.
    public var headers: [HeaderField]
    public var body: [UInt8]?

    public init(method: HTTPMethod, pathAndQuery: String, headers: [HeaderField] = [], body: [UInt8]? = nil) {
        self.method = method
        self.pathAndQuery = pathAndQuery
        self.headers = headers
        self.body = body
    }

    /// First value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }
}
