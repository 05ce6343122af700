/// A response key of an OpenAPI `responses` object: an exact code, a class such as `4XX`, or `default`.
public enum StatusPattern: Sendable, Hashable, Comparable, CustomStringConvertible {
    case exact(Int)
    /// The class digit: 4 for `4XX`.
    case range(Int)
    case `default`

    /// Parses "200", "4XX" (any case) or "default".
    public init?(_ key: String) {
        if key == "default" {
            self = .default
            return
        }
        let upper = key.uppercased()
        if upper.count == 3, upper.hasSuffix("XX"), let digit = Int(String(upper.prefix(1))), (1...5).contains(digit) {
            self = .range(digit)
            return
        }
        guard let code = Int(key), (100...599).contains(code) else { return nil }
        self = .exact(code)
    }

    public func matches(_ status: Int) -> Bool {
        switch self {
        case .exact(let code): return code == status
        case .range(let digit): return status / 100 == digit
        case .default: return true
        }
    }

    /// Exact codes first, then ranges, then default: the order in which a status is matched.
    private var rank: (Int, Int) {
        switch self {
        case .exact(let c): return (0, c)
        case .range(let d): return (1, d)
        case .default: return (2, 0)
        }
    }

    public static func < (lhs: StatusPattern, rhs: StatusPattern) -> Bool { lhs.rank < rhs.rank }

    public var description: String {
        switch self {
        case .exact(let c): return String(c)
        case .range(let d): return "\(d)XX"
        case .default: return "default"
        }
    }
}
