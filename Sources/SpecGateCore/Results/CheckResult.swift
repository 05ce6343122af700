/// How one check fared on one operation.
public struct CheckResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case passed, failed, error, skipped
    }

    public var name: String
    public var status: Status
    /// Exchanges the check judged (it did not apply to the others).
    public var judged: Int
    /// Exchanges with at least one violation.
    public var failedExchanges: Int
    /// Fingerprints of this check's findings on the operation.
    public var findings: [String]
    /// Why it was skipped, when it was.
    public var reason: String?

    public init(
        name: String, status: Status, judged: Int, failedExchanges: Int, findings: [String], reason: String? = nil
    ) {
        self.name = name
        self.status = status
        self.judged = judged
        self.failedExchanges = failedExchanges
        self.findings = findings
        self.reason = reason
    }
}
