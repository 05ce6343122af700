/// What the server should answer to a generated request.
public enum ExpectedOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Any 2xx.
    case success
    /// A 4xx; one of `statuses` when non-empty, any 4xx when empty.
    case rejected(statuses: [Int])

    /// Whether an actual status code meets the expectation.
    public func accepts(_ status: Int) -> Bool {
        switch self {
        case .success: return (200...299).contains(status)
        case .rejected(let statuses): return statuses.isEmpty ? (400...499).contains(status) : statuses.contains(status)
        }
    }

    /// "2xx", "401", "400|422", "4xx".
    public var description: String {
        switch self {
        case .success: return "2xx"
        case .rejected(let statuses):
            return statuses.isEmpty ? "4xx" : statuses.map(String.init).joined(separator: "|")
        }
    }
}
