/// The HTTP methods an OpenAPI path item can hold.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable, Comparable {
    case get, put, post, delete, options, head, patch, trace

    /// Upper-case, as sent on the wire.
    public var wireName: String { rawValue.uppercased() }

    /// Methods that do not change server state (RFC 9110 safe methods).
    public var isSafe: Bool { self == .get || self == .head || self == .options || self == .trace }

    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
