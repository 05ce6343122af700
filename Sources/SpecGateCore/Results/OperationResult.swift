/// Results of one operation: its cases and every selected check.
public struct OperationResult: Sendable, Hashable {
    public var operationID: String
    public var method: String
    public var path: String
    public var validCases: Int
    public var invalidCases: Int
    /// Exchanges that ended in a transport error.
    public var errors: Int
    public var checks: [CheckResult]
    public var durationMilliseconds: Double
    /// p50/p95/p99 of the responses' total, first-byte and connect times; nil when none came.
    public var latency: LatencySummary?

    public init(
        operationID: String, method: String, path: String, validCases: Int, invalidCases: Int, errors: Int,
        checks: [CheckResult], durationMilliseconds: Double
    ) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.validCases = validCases
        self.invalidCases = invalidCases
        self.errors = errors
        self.checks = checks
        self.durationMilliseconds = durationMilliseconds
    }

    public var name: String { method + " " + path }
    public var failed: Bool { checks.contains { $0.status == .failed } }
}
