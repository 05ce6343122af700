import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate merge`: combine shard reports into one JUnit and one JSON report.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON reports of shards into one JUnit and one JSON report.",
        discussion: """
            Operations are concatenated, findings deduplicated by fingerprint (occurrences summed), counts summed. \
            Exits with the merged run's exit code (0 passed, 1 failures, 3 every request errored, 130 incomplete).
            """
    )

    @Argument(help: "JSON reports written by `specgate run --shard i/n`.")
    var reports: [String]

    @OptionGroup var outputs: ReportOptions

    func validate() throws {
        guard !reports.isEmpty else { throw ValidationError("give at least one report") }
    }

    func run() throws {
        var parts: [RunReport] = []
        for path in reports { parts.append(try BaselineFile.loadReport(path)) }
        guard let merged = ReportMerger.merge(parts) else {
            throw CommandFailure.cannotGoOn("nothing to merge", code: "merge.empty")
        }
        let paths = try outputs.write(merged)
        print(
            ConsoleSummary(style: ConsoleStyle.detect(), workingDirectory: FileManager.default.currentDirectoryPath)
                .render(merged))
        print("merged \(reports.count) reports: \(paths)")
        try outputs.format.emit(merged)
        try CommandFailure.check(reportExitCode: merged.exitCode)
    }
}
