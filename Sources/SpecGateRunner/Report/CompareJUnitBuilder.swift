import SpecGateCore
import SpecGateJUnit

/// Maps a `ComparisonReport` onto JUnit: one `testsuite` per operation (named by operation id), a failing
/// `testcase` per difference (classname = operation id, name = case id and kind), and one passing
/// `identical` test case counting the cases where both targets agree.
public enum CompareJUnitBuilder {
    public static func build(_ report: ComparisonReport, hostname: String? = nil) -> JUnitReport {
        let timestamp = String(report.startedAt.prefix(19))
        var suites: [JUnitTestSuite] = []
        for operation in report.operations {
            let differing = report.differing.filter { $0.operationID == operation.operationID }
            var cases: [JUnitTestCase] = []
            for comparison in differing {
                for difference in comparison.differences {
                    cases.append(
                        JUnitTestCase(
                            classname: operation.operationID, name: "\(comparison.caseID) \(difference.kind.rawValue)",
                            outcome: .failure(
                                message: difference.message, type: difference.kind.rawValue,
                                details: details(comparison))))
                }
            }
            let identical = operation.cases - differing.count
            cases.append(
                JUnitTestCase(
                    classname: operation.operationID, name: "identical",
                    outcome: operation.cases == 0 ? .skipped(message: "no case compared") : .passed,
                    systemOut: "\(identical) of \(operation.cases) cases answered alike by A and B"))
            suites.append(
                JUnitTestSuite(
                    name: operation.operationID, timestamp: timestamp, hostname: hostname,
                    properties: [
                        ("operation", operation.name), ("seed", String(report.seed)), ("suite", report.suite),
                        ("baseURL.a", report.baseURLA), ("baseURL.b", report.baseURLB),
                        ("cases", String(operation.cases)),
                    ] + (report.incomplete ? [("incomplete", "true")] : []),
                    testCases: cases))
        }
        JUnitReportBuilder.attach(report.diagnostics, to: &suites)
        return JUnitReport(name: "specgate compare " + report.suite, suites: suites)
    }

    static func details(_ comparison: CaseComparison) -> String {
        var lines = ["case: \(comparison.caseID)"]
        lines.append("A: \(comparison.a.summary)")
        lines.append("B: \(comparison.b.summary)")
        lines += comparison.differences.map { "- " + $0.message }
        if !comparison.curlA.isEmpty { lines.append("reproduce A: \(comparison.curlA)") }
        if !comparison.curlB.isEmpty { lines.append("reproduce B: \(comparison.curlB)") }
        return lines.joined(separator: "\n")
    }
}
