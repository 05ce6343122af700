/// A concrete HTTP request, ready to send: what generation produces and the transport sends.
public struct PreparedRequest: Sendable, Hashable {
    public var method: HTTPMethod
    /// Path with parameters substituted and percent-encoded, plus the query string: "/v2/bookings/abc?x=1".
    public var pathAndQuery: String
    /// In sending order; names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: HTTPMethod, pathAndQuery: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.pathAndQuery = pathAndQuery
        self.headers = headers
        self.body = body
    }

    /// First value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    public static func == (lhs: PreparedRequest, rhs: PreparedRequest) -> Bool {
        lhs.method == rhs.method && lhs.pathAndQuery == rhs.pathAndQuery && lhs.body == rhs.body
            && lhs.headers.map { [$0.name, $0.value] } == rhs.headers.map { [$0.name, $0.value] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(pathAndQuery)
        hasher.combine(body)
        for h in headers {
            hasher.combine(h.name)
            hasher.combine(h.value)
        }
    }
}
