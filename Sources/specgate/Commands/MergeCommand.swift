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
        let merged: RunReport
        do {
            var parts: [RunReport] = []
            for path in reports { parts.append(try BaselineFile.loadReport(path)) }
            guard let report = ReportMerger.merge(parts) else { throw RunError("nothing to merge") }
            merged = report
            let paths = try outputs.write(merged)
            print(ConsoleSummary(style: ConsoleStyle.detect(), workingDirectory: FileManager.default.currentDirectoryPath).render(merged))
            print("merged \(reports.count) reports: \(paths)")
            try outputs.format.emit(merged)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if merged.exitCode != 0 { throw ExitCode(merged.exitCode) }
    }
}
