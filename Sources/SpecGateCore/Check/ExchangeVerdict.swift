import SpecGateJSON

/// What the checks said about one exchange (``Judge/evaluate(_:)``), before it is folded into a report.
public struct ExchangeVerdict: Sendable {
    /// One check that applied, and its violations (empty: passed).
    public struct CheckResult: Sendable {
        public var check: String
        public var violations: [CheckViolation]
    }

    public var exchange: ExchangeRecord
    /// The body parsed as JSON, when it was (for enum coverage).
    public var parsedBody: JSONValue?
    /// The checks that applied, in check order (none for a transport error).
    public var results: [CheckResult]

    public init(exchange: ExchangeRecord, parsedBody: JSONValue? = nil, results: [CheckResult] = []) {
        self.exchange = exchange
        self.parsedBody = parsedBody
        self.results = results
    }

    /// Some check found a violation.
    public var fails: Bool { results.contains { !$0.violations.isEmpty } }
}
