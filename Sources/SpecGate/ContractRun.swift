import SpecGateCore

/// The results of ``ContractSuite/run(against:options:)``: typed per operation and per check.
public struct ContractRun: Sendable {
    /// The full report (what `specgate run` writes as JSON and JUnit).
    public let report: RunReport
    /// One entry per operation the run judged, in report order.
    public let operations: [OperationOutcome]
    /// Every finding not accepted as flaky: failures (contract violations) and errors (transport).
    public let findings: [ContractFinding]

    init(_ report: RunReport) {
        self.report = report
        let findings = report.findings.filter { !$0.flaky && !$0.baselined }.map(ContractFinding.init)
        self.findings = findings
        operations = report.operations.map { result in
            OperationOutcome(result, findings: findings.filter { $0.operationID == result.operationID })
        }
    }

    /// True when every check passed and no request errored (`specgate run` exits 0).
    public var passed: Bool { report.exitCode == 0 }
    /// True when the run was cancelled; the results hold what finished.
    public var incomplete: Bool { report.incomplete }
    /// Requests sent.
    public var requests: Int { report.requests }

    /// The outcome of one operation, by id (operationId or `"METHOD /path"`).
    public func operation(_ id: String) -> OperationOutcome? {
        operations.first { $0.id == id || "\($0.method) \($0.path)" == id }
    }
}

/// What one operation's exchanges gave.
public struct OperationOutcome: Sendable, Hashable {
    public var id: String
    public var method: String
    public var path: String
    public var validCases: Int
    public var invalidCases: Int
    /// Exchanges that ended in a transport error.
    public var transportErrors: Int
    /// One entry per check, in run order.
    public var checks: [CheckOutcome]
    /// This operation's findings.
    public var findings: [ContractFinding]

    init(_ result: OperationResult, findings: [ContractFinding]) {
        id = result.operationID
        method = result.method
        path = result.path
        validCases = result.validCases
        invalidCases = result.invalidCases
        transportErrors = result.errors
        checks = result.checks.map(CheckOutcome.init)
        self.findings = findings
    }

    /// No finding and no transport error.
    public var passed: Bool { findings.isEmpty && transportErrors == 0 }

    /// The outcome of one check, by name.
    public func check(_ name: String) -> CheckOutcome? { checks.first { $0.name == name } }
}

/// What one check gave on one operation.
public struct CheckOutcome: Sendable, Hashable {
    public typealias Status = CheckResult.Status
    /// `status_code_conformance`, `response_schema_conformance`, …
    public var name: String
    public var status: Status
    /// Exchanges the check judged (it did not apply to the others).
    public var judged: Int
    /// Exchanges with at least one violation.
    public var failedExchanges: Int

    init(_ result: CheckResult) {
        name = result.name
        status = result.status
        judged = result.judged
        failedExchanges = result.failedExchanges
    }
}

/// A contract violation (or transport error), with the curl command that reproduces it; secrets masked.
public struct ContractFinding: Sendable, Hashable, CustomStringConvertible {
    /// A contract violation (`failure`) or a request that got no usable response (`error`).
    public var kind: FindingKind
    public var check: String
    public var operationID: String
    public var caseID: String
    public var message: String
    public var expected: String?
    public var actual: String?
    /// Reproduces the request; secrets as `$VAR` placeholders.
    public var curl: String
    /// The response status, when one came.
    public var status: Int?

    init(_ finding: Finding) {
        kind = finding.kind
        check = finding.check
        operationID = finding.operationID
        caseID = finding.caseID
        message = finding.message
        expected = finding.expected
        actual = finding.actual
        curl = finding.request.curl
        status = finding.response?.status
    }

    /// "`check` on `case`: message", expected and actual when known, then the curl command.
    public var description: String {
        var lines = ["\(check) on \(caseID): \(message)"]
        if let expected { lines.append("expected: \(expected)") }
        if let actual { lines.append("actual: \(actual)") }
        lines.append("reproduce: \(curl)")
        return lines.joined(separator: "\n")
    }
}
