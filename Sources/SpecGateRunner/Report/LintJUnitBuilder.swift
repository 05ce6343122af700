import Foundation
import SpecGateCore
import SpecGateJUnit

/// Maps lint findings onto JUnit: one `testsuite` per rule (every rule listed, so names are stable), one
/// `testcase` per finding location; errors are failures, warnings and infos pass with their message in
/// `system-out`. A rule with no findings has a single passing test case named after the rule.
public enum LintJUnitBuilder {
    public static func build(
        findings: [LintFinding], ruleIDs: [String], target: String, timestamp: String, place: (LintFinding) -> String
    ) -> JUnitReport {
        var suites: [JUnitTestSuite] = []
        for rule in ruleIDs {
            let ruleFindings = findings.filter { $0.rule == rule }
            var cases: [JUnitTestCase] = []
            if ruleFindings.isEmpty {
                cases.append(JUnitTestCase(classname: "lint." + rule, name: rule))
            }
            for finding in ruleFindings {
                let name = "#" + finding.location.pointer.description
                let text = "\(finding.severity.rawValue): \(finding.message)\nat \(place(finding))"
                let outcome: JUnitOutcome =
                    finding.severity == .error
                    ? .failure(message: finding.message, type: rule, details: text) : .passed
                cases.append(
                    JUnitTestCase(
                        classname: "lint." + rule, name: name, outcome: outcome,
                        systemOut: finding.severity == .error ? nil : text))
            }
            suites.append(
                JUnitTestSuite(
                    name: "lint." + rule, timestamp: timestamp, properties: [("target", target), ("rule", rule)],
                    testCases: cases))
        }
        return JUnitReport(name: "specgate lint " + target, suites: suites)
    }

    /// Builds the report and writes it (creating the folder), timestamped now.
    public static func write(
        findings: [LintFinding], ruleIDs: [String], target: String, toPath path: String, place: (LintFinding) -> String
    ) throws(RunError) {
        let report = build(
            findings: findings, ruleIDs: ruleIDs, target: target,
            timestamp: JUnitTimestamp.utc(epochSeconds: Int64(Date().timeIntervalSince1970)), place: place)
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try JUnitWriter.write(report, toPath: path)
        } catch {
            throw RunError("cannot write \(path): \(error)")
        }
    }
}
