import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateJUnit

/// Writes the JUnit and JSON reports of a run (also for failed and interrupted runs).
public enum ReportWriter {
    public struct Written: Sendable {
        public var junitPath: String
        public var jsonPath: String
    }

    public static func write(_ report: RunReport, junitPath: String, jsonPath: String) throws(RunError) -> Written {
        try writeJUnit(report, toPath: junitPath)
        try writeJSON(report, toPath: jsonPath)
        return Written(junitPath: junitPath, jsonPath: jsonPath)
    }

    /// Writes the JUnit XML report to `path`, creating the folder.
    public static func writeJUnit(_ report: RunReport, toPath path: String) throws(RunError) {
        let hostname = ProcessInfo.processInfo.hostName
        let junit = JUnitReportBuilder.build(report, hostname: hostname.isEmpty ? nil : hostname)
        do {
            try createParent(of: path)
            try JUnitWriter.write(junit, toPath: path)
        } catch {
            throw RunError("cannot write JUnit report \(path): \(error)")
        }
    }

    /// Writes the JSON report to `path`, creating the folder.
    public static func writeJSON(_ report: RunReport, toPath path: String) throws(RunError) {
        do {
            try createParent(of: path)
            let text = JSONWriter.pretty(RunReportJSON.encode(report)) + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RunError("cannot write JSON report \(path): \(error)")
        }
    }

    /// Writes the HTML report (`HTMLReport`) to `path`, creating the folder; `masker` is applied once more.
    public static func writeHTML(_ report: RunReport, toPath path: String, masker: SecretMasker = SecretMasker())
        throws(RunError)
    {
        let html = HTMLReport(masker: masker, workingDirectory: FileManager.default.currentDirectoryPath).render(report)
        do {
            try createParent(of: path)
            try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RunError("cannot write HTML report \(path): \(error)")
        }
    }

    static func createParent(of path: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }
}
