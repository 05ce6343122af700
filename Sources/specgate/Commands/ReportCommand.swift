import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate report`: render a JSON report (e.g. a downloaded CI artifact) in another format.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a JSON report written by run or merge as an HTML page (and GitHub annotations).",
        discussion: """
            Reads the report only; nothing is sent. Exits 0 when the output was written, 2 when the report \
            cannot be read or the output cannot be written (the run's own verdict is in the page).
            """
    )

    @Argument(help: "A JSON report written by `specgate run` or `specgate merge`.")
    var report: String

    @Option(help: "Where to write the HTML report.")
    var html: String?

    @Option(
        help:
            "Also print the report: console (the summary) or github (the summary, workflow commands and the job summary)."
    )
    var format: OutputFormat?

    func validate() throws {
        guard html != nil || format != nil else {
            throw ValidationError("give --html FILE and/or --format console|github")
        }
    }

    func run() throws {
        let loaded = try BaselineFile.loadReport(report)
        if let html {
            try ReportWriter.writeHTML(loaded, toPath: html)
            print("html report: \(html)")
        }
        if let format {
            print(
                ConsoleSummary(style: ConsoleStyle.detect(), workingDirectory: FileManager.default.currentDirectoryPath)
                    .render(loaded))
            try format.emit(loaded)
        }
    }
}
