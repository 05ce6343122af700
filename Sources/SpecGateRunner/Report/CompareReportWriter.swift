import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateJUnit

/// Writes the reports of `specgate compare`: the JSON report and, when asked, JUnit XML.
public enum CompareReportWriter {
    public static func write(_ report: ComparisonReport, jsonPath: String, junitPath: String?) throws(RunError) {
        do {
            try ReportWriter.createParent(of: jsonPath)
            let text = JSONWriter.pretty(ComparisonReportJSON.encode(report)) + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: jsonPath), options: .atomic)
        } catch {
            throw RunError("cannot write JSON report \(jsonPath): \(error)")
        }
        guard let junitPath else { return }
        let hostname = ProcessInfo.processInfo.hostName
        do {
            try ReportWriter.createParent(of: junitPath)
            try JUnitWriter.write(
                CompareJUnitBuilder.build(report, hostname: hostname.isEmpty ? nil : hostname), toPath: junitPath)
        } catch {
            throw RunError("cannot write JUnit report \(junitPath): \(error)")
        }
    }
}
