import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate run`: send valid and invalid cases to a base URL, check every response, write the reports.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Send generated cases to an API and check every response against the contract.",
        discussion: """
            Writes JUnit XML and a JSON report (also when the run fails or is interrupted) and prints a summary \
            with a curl command for each failure. Secrets are masked everywhere.
            Exit codes: 0 passed; 1 conformance failures; 2 usage or spec error; 3 target unreachable or every \
            request errored; 130/143 interrupted (partial reports written).
            """
    )

    @Argument(help: "Suite file (or OpenAPI document; a file or an http(s) URL).")
    var suite: String

    @Option(name: .customLong("base-url"), help: "Base URL of the API (overrides the suite's baseURL).")
    var baseURL: String?

    @OptionGroup var cases: CaseOptions

    @OptionGroup var source: SpecSourceOptions

    @OptionGroup var servers: ServerVariableOptions

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 8

    @Option(
        name: .customLong("changed-since"),
        help: "Only operations whose contract changed since this older spec or suite (new ones included).")
    var changedSince: String?

    @Flag(name: .customLong("dry-run"), help: "Print every planned request as a curl command and send nothing.")
    var dryRun = false

    @Option(help: "Baseline file: its accepted findings are listed as baselined and do not fail the run.")
    var baseline: String?

    @Option(help: "Run only shard i of n (1-based): operations sorted by id, dealt round-robin.")
    var shard: String?

    @Option(
        name: .customLong("min-coverage"),
        help: "Fail when fewer than this percentage of documented status codes are observed.")
    var minCoverage: Double?

    @Option(
        name: .customLong("rerun-failures"),
        help: "Re-send a failing case up to N times; if it then passes its findings are reported as flaky.")
    var rerunFailures: Int = 0

    @Option(
        name: .customLong("max-time"),
        help:
            "Keep sending new, distinct cases until this much time has passed (e.g. 30s, 2m, 500ms); the default cases come first."
    )
    var maxTime: String?

    @Option(
        name: .customLong("shrink-budget"),
        help:
            "Most re-sends spent shrinking each failing valid case (5xx, or rejected when it should be accepted) to a minimal repro; 0 disables."
    )
    var shrinkBudget: Int = 40

    @OptionGroup var outputs: ReportOptions

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard must be i/n with 1 <= i <= n, not \(shard)")
        }
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage must be between 0 and 100")
        }
        guard rerunFailures >= 0 else { throw ValidationError("--rerun-failures must be 0 or more") }
        if let maxTime, TimeBudget(maxTime) == nil {
            throw ValidationError("--max-time must be a positive duration such as 30s, 2m or 500ms, not \(maxTime)")
        }
        if maxTime != nil, dryRun {
            throw ValidationError(
                "--max-time cannot be used with --dry-run: which cases a time budget sends depends on the answers; --dry-run (or `specgate plan`) prints the default cases"
            )
        }
        guard shrinkBudget >= 0 else { throw ValidationError("--shrink-budget must be 0 or more") }
    }

    func run() async throws {
        var options = cases.runOptions(suite: suite, baseURL: baseURL, concurrency: concurrency)
        options.changedSince = changedSince
        options.shard = shard.flatMap(Shard.init)
        options.minimumCoveragePercent = minCoverage
        options.rerunFailures = rerunFailures
        options.maxTime = maxTime.flatMap(TimeBudget.init)
        options.shrinkBudget = shrinkBudget
        options.specFetch = source.fetchOptions(caCertificatePath: cases.caCert)
        options.serverVariables = servers.variables
        if dryRun {
            try await DryRunPrinter.print(options)
            return
        }
        let acceptedBaseline = try baseline.map { path in try BaselineFile.load(path) }
        let style = ConsoleStyle.detect()
        let prepared = try await RunPreparation.prepareFetching(options)
        for line in DryRun.header(prepared) { print(line) }

        let progress = ProgressPrinter(style: style)
        let task = Task { () throws(RunError) -> RunReport in
            try await RunExecutor.execute(prepared) { progress.update($0) }
        }
        let trap = SignalTrap { _ in task.cancel() }
        var report: RunReport
        do {
            report = try await task.value
        } catch {
            trap.cancel()
            throw error
        }
        trap.cancel()
        progress.finish()
        if let acceptedBaseline, let baseline {
            report = acceptedBaseline.apply(to: report, path: baseline, today: BaselineFile.today())
        }
        do {
            let paths = try outputs.write(report, masker: prepared.masker)
            print(
                ConsoleSummary(style: style, workingDirectory: FileManager.default.currentDirectoryPath).render(report))
            print("reports: \(paths)")
        } catch {
            print(
                ConsoleSummary(style: style, workingDirectory: FileManager.default.currentDirectoryPath).render(report))
            throw error
        }
        try outputs.format.emit(report, masker: prepared.masker)
        if let signal = trap.signal {
            throw CommandFailure.interrupted(signal: signal)
        }
        try CommandFailure.check(reportExitCode: report.exitCode)
    }
}
