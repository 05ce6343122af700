import ArgumentParser
import Foundation
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

    @Option(
        help:
            "Also write the failing exchanges next to the JSON report: http (failures.http, REST Client format) or har (failures.har, HAR 1.2). Repeatable."
    )
    var export: [ReproFormat] = []

    /// Writes the JUnit, JSON, (when asked) HTML and repro files; returns their paths for the console, comma-separated.
    func write(_ report: RunReport, masker: SecretMasker = SecretMasker()) throws(RunError) -> String {
        let written = try ReportWriter.write(report, junitPath: junit, jsonPath: json)
        if let html { try ReportWriter.writeHTML(report, toPath: html, masker: masker) }
        var repro: [String] = []
        let folder = (json as NSString).deletingLastPathComponent
        for format in export { repro.append(try ReproWriter.write(report, as: format, folder: folder, masker: masker)) }
        return ([written.junitPath, written.jsonPath] + (html.map { [$0] } ?? []) + repro).joined(separator: ", ")
    }
}

extension ReproFormat: ExpressibleByArgument {
}
