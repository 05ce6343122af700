/// `no-4xx-response` (warning): an operation documents no client error response
/// (no `4xx` code, no `4XX` range, no `default`), so error responses cannot be checked.
public struct NoClientErrorResponseRule: LintRule {
    public static let id = "no-4xx-response"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        context.operations.compactMap { operation in
            let documented = operation.responses.contains { response in
                switch response.status {
                case .exact(let code): return (400...499).contains(code)
                case .range(let digit): return digit == 4
                case .default: return true
                }
            }
            guard !documented else { return nil }
            return LintFinding(
                rule: Self.id, severity: .warning, location: operation.source.appending("responses"),
                message: "\(operation.displayName) documents no 4xx response (nor 4XX or default)",
                operationID: operation.id)
        }
    }
}
