import SpecGateCore
import SpecGateJUnit

/// Maps a `RunReport` onto JUnit: one `testsuite` per operation (named by operation id), one `testcase` per
/// check (classname = operation id, name = check), plus a `transport` test case when exchanges errored.
/// Names depend only on the spec and the selected checks, so they are stable from run to run.
public enum JUnitReportBuilder {
    public static func build(_ report: RunReport, hostname: String? = nil) -> JUnitReport {
        let findings = Dictionary(report.findings.map { ($0.fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
        let timestamp = String(report.startedAt.prefix(19))
        var causeOf: [String: String] = [:]
        for cause in report.rootCauses {
            for fingerprint in cause.findings where causeOf[fingerprint] == nil { causeOf[fingerprint] = cause.id }
        }
        var suites: [JUnitTestSuite] = []
        for operation in report.operations {
            var cases: [JUnitTestCase] = []
            let perCheckTime = operation.durationMilliseconds / 1000 / Double(max(1, operation.checks.count))
            for check in operation.checks {
                let checkFindings = check.findings.compactMap { findings[$0] }
                let outcome: JUnitOutcome
                switch check.status {
                case .passed:
                    outcome = .passed
                case .skipped:
                    outcome = .skipped(message: check.reason ?? "not applicable")
                case .error:
                    outcome = .error(message: check.reason ?? "error", type: "TransportError", details: "")
                case .failed where report.isBaselinedOnly(check) || report.isFlakyOnly(check):
                    outcome = .passed
                case .failed:
                    let first = checkFindings.first
                    let message =
                        checkFindings.count > 1
                        ? "\(checkFindings.count) findings; first: \(first?.message ?? "")"
                        : (first?.message ?? "failed")
                    outcome = .failure(message: message, type: check.name, details: details(checkFindings))
                }
                let flaky = report.isFlakyOnly(check) ? checkFindings.filter(\.flaky) : []
                cases.append(
                    JUnitTestCase(
                        classname: operation.operationID, name: check.name, time: perCheckTime, outcome: outcome,
                        systemOut: "judged \(check.judged) exchanges, \(check.failedExchanges) failed"
                            + (report.isBaselinedOnly(check)
                                ? "; baselined: " + check.findings.joined(separator: ", ") : ""),
                        flakyFailures: flaky.map {
                            JUnitFlaky(message: $0.message, type: check.name, details: details([$0]))
                        }))
            }
            let transport = report.findings.filter {
                $0.operationID == operation.operationID && $0.check == "transport" && !$0.baselined
            }
            if !transport.isEmpty {
                cases.append(
                    JUnitTestCase(
                        classname: operation.operationID, name: "transport",
                        outcome: .error(
                            message:
                                "\(transport.count) transport error\(transport.count == 1 ? "" : "s"); first: \(transport[0].message)",
                            type: "TransportError", details: details(transport))))
            }
            suites.append(
                JUnitTestSuite(
                    name: operation.operationID, timestamp: timestamp, hostname: hostname,
                    time: operation.durationMilliseconds / 1000,
                    properties: [
                        ("operation", operation.name), ("seed", String(report.seed)), ("suite", report.suite),
                        ("baseURL", report.baseURL), ("validCases", String(operation.validCases)),
                        ("invalidCases", String(operation.invalidCases)),
                    ] + (report.incomplete ? [("incomplete", "true")] : []) + baselineProperties(report, operation)
                        + coverageProperties(report, operation) + rootCauseProperties(operation, causeOf),
                    testCases: cases))
        }
        attach(report.diagnostics, to: &suites)
        return JUnitReport(name: "specgate " + report.suite, suites: suites)
    }

    /// The run's diagnostics, one `severity: file:line: #/pointer: message` line each, as the first
    /// suite's `system-out` (written as its reserved property, which both JUnit schemas accept).
    static func attach(_ diagnostics: [Diagnostic], to suites: inout [JUnitTestSuite]) {
        guard !diagnostics.isEmpty, !suites.isEmpty else { return }
        suites[0].systemOut = diagnostics.map(\.line).joined(separator: "\n")
    }

    /// `baseline` (the file) and, when some of the operation's entries were not seen, `baseline.fixed`
    /// (their fingerprints) and `baseline.expired`.
    static func baselineProperties(_ report: RunReport, _ operation: OperationResult) -> [(String, String)] {
        guard let baseline = report.baseline else { return [] }
        var properties = [("baseline", baseline.path)]
        let fixed = baseline.fixed.filter { $0.operation == operation.operationID }.map(\.fingerprint)
        if !fixed.isEmpty { properties.append(("baseline.fixed", fixed.joined(separator: ","))) }
        let expired = baseline.expired.filter { $0.operation == operation.operationID }.map(\.fingerprint)
        if !expired.isEmpty { properties.append(("baseline.expired", expired.joined(separator: ","))) }
        return properties
    }

    /// `rootCause.<check>`: the root-cause ids of the check's findings on the operation (JUnit has no
    /// test-case properties, so they are the operation's test suite's), comma-separated.
    static func rootCauseProperties(_ operation: OperationResult, _ causeOf: [String: String]) -> [(String, String)] {
        operation.checks.compactMap { check in
            var ids: [String] = []
            for fingerprint in check.findings { if let id = causeOf[fingerprint], !ids.contains(id) { ids.append(id) } }
            return ids.isEmpty ? nil : ("rootCause." + check.name, ids.joined(separator: ","))
        }
    }

    /// `coverage.statuses` ("observed/documented: 200 404") and `coverage.enums` (values seen/documented).
    static func coverageProperties(_ report: RunReport, _ operation: OperationResult) -> [(String, String)] {
        guard let coverage = report.coverage?.operations.first(where: { $0.operationID == operation.operationID })
        else { return [] }
        return [
            (
                "coverage.statuses",
                coverage.statusRatio
                    + (coverage.observed.isEmpty ? "" : ": " + coverage.observed.joined(separator: " "))
            ),
            ("coverage.enums", "\(coverage.enumValuesObserved)/\(coverage.enumValuesDocumented)"),
        ]
    }

    static func details(_ findings: [Finding]) -> String {
        findings.map { finding in
            var lines = ["[\(finding.fingerprint)] \(finding.message)", "case: \(finding.caseID)"]
            if let expected = finding.expected, let actual = finding.actual {
                lines.append("expected: \(expected); actual: \(actual)")
            }
            if let pointer = finding.instancePointer { lines.append("at: \(pointer)") }
            if let schema = finding.schemaLocation { lines.append("schema: \(schema)") }
            if finding.occurrences > 1 { lines.append("seen \(finding.occurrences) times") }
            if let response = finding.response {
                lines.append("response: \(response.status) \(response.bodyExcerpt ?? "")")
            }
            lines.append("reproduce: \(finding.request.curl)")
            if let repro = finding.minimalRepro { lines.append(repro.summary) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
