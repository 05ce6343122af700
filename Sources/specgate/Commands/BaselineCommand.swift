import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate baseline`: manage accepted findings.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Manage the baseline of accepted findings.",
        subcommands: [BaselineAcceptCommand.self]
    )
}

/// `specgate baseline accept <report.json>`: accept every finding of a report.
struct BaselineAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept every finding of a JSON report into a baseline file.",
        discussion: """
            Writes (or updates: existing entries are kept) a YAML baseline listing each finding's fingerprint, \
            operation, check, message, reason, expiry and acceptance date. `specgate run --baseline FILE` then \
            lists those findings as baselined without failing. Default file: baseline.yaml next to the suite.
            """
    )

    @Argument(help: "JSON report written by `specgate run`.")
    var report: String

    @Option(help: "Why the findings are accepted (e.g. a ticket).")
    var reason: String?

    @Option(help: "Last day (YYYY-MM-DD) the entries suppress their findings.")
    var expires: String?

    @Option(name: .shortAndLong, help: "Baseline file to write (default: baseline.yaml next to the report's suite).")
    var output: String?

    func validate() throws {
        if let expires, !Baseline.isDate(expires) {
            throw ValidationError("--expires must be a date YYYY-MM-DD, not \(expires)")
        }
    }

    func run() throws {
        let loaded = try BaselineFile.loadReport(report)
        guard let path = output ?? loaded.suitePath.map(BaselineFile.defaultPath(forSuite:)) else {
            throw CommandFailure.cannotGoOn(
                .error(
                    "baseline.no-suite", "\(report) does not name its suite file; give -o FILE", at: .init(file: report)
                ))
        }
        let existing = FileManager.default.fileExists(atPath: path) ? try BaselineFile.load(path) : Baseline()
        let baseline = Baseline.accepting(
            loaded, reason: reason, expires: expires, today: BaselineFile.today(), existing: existing)
        try BaselineFile.write(baseline, to: path)
        print(
            "\(path): \(loaded.findings.count) finding\(loaded.findings.count == 1 ? "" : "s") accepted, \(baseline.entries.count) entries"
        )
    }
}
