import ArgumentParser
import SpecGateCore
import SpecGateRunner

/// Where `run` and `merge` write their report, and how they print it.
struct ReportOptions: ParsableArguments {
    @Option(help: "Where to write JUnit XML.")
    var junit = "reports/junit.xml"

    @Option(help: "Where to write the JSON report.")
    var json = "reports/report.json"

    @Option(help: "Where to write a self-contained HTML report (not written unless given).")
    var html: String?

    @Option(help: "Output: console (the summary) or github (also workflow commands and $GITHUB_STEP_SUMMARY).")
    var format: OutputFormat = .console

    /// Writes the JUnit, JSON and (when asked) HTML files; returns their paths for the console, comma-separated.
    func write(_ report: RunReport, masker: SecretMasker = SecretMasker()) throws(RunError) -> String {
        let written = try ReportWriter.write(report, junitPath: junit, jsonPath: json)
        if let html { try ReportWriter.writeHTML(report, toPath: html, masker: masker) }
        return ([written.junitPath, written.jsonPath] + (html.map { [$0] } ?? [])).joined(separator: ", ")
    }
}
