import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate compare`: send the same cases to two targets and report where their answers differ.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Send the same cases to two targets (A and B) and report where their answers differ.",
        discussion: """
            Give --base-url twice (A, then B). Every case (same seed, same cases) goes to both; differences are \
            the status class (2xx/4xx/5xx/transport error), a check failing on one side only, and the shape of \
            JSON bodies (fields present, JSON types, enum values; array indices collapsed to *). Values such as \
            ids and timestamps are not compared. Secrets are masked everywhere.
            Exit codes: 0 no differences; 1 differences; 2 usage or spec error; 3 a target unreachable.
            """
    )

    @Argument(help: "Suite file (or OpenAPI document; a file or an http(s) URL).")
    var suite: String

    @Option(name: .customLong("base-url"), help: "Base URL of a target; give it twice: A, then B.")
    var baseURLs: [String] = []

    @OptionGroup var cases: CaseOptions

    @OptionGroup var source: SpecSourceOptions

    @OptionGroup var servers: ServerVariableOptions

    @Option(help: "Cases in flight at once (each sent to A and B together).")
    var concurrency: Int = 4

    @Option(help: "Where to write the JSON comparison report.")
    var json = "reports/compare.json"

    @Option(help: "Also write JUnit XML here (one testsuite per operation, a failing testcase per difference).")
    var junit: String?

    func validate() throws {
        guard baseURLs.count == 2 else {
            throw ValidationError("give --base-url exactly twice (A, then B), not \(baseURLs.count) times")
        }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        var options = cases.runOptions(suite: suite, baseURL: baseURLs[0], concurrency: concurrency)
        options.specFetch = source.fetchOptions(caCertificatePath: cases.caCert)
        options.serverVariables = servers.variables
        let style = ConsoleStyle.detect()
        let prepared = try await RunPreparation.prepareFetching(options)
        print("specgate \(options.toolVersion) compare: \(prepared.suiteName)")
        print("\(prepared.operations.count) operations, up to \(prepared.caseBound) cases, seed \(cases.seed)")
        let task = Task { () throws(RunError) -> ComparisonReport in
            try await CompareExecutor.execute(prepared, baseURLA: baseURLs[0], baseURLB: baseURLs[1])
        }
        let trap = SignalTrap { _ in task.cancel() }
        let report: ComparisonReport
        do {
            report = try await task.value
        } catch {
            trap.cancel()
            throw error
        }
        trap.cancel()
        print(CompareSummary(style: style).render(report))
        try CompareReportWriter.write(report, jsonPath: json, junitPath: junit)
        print("reports: \(([json] + (junit.map { [$0] } ?? [])).joined(separator: ", "))")
        if let signal = trap.signal {
            throw CommandFailure.interrupted(signal: signal)
        }
        try CommandFailure.check(reportExitCode: report.exitCode)
    }
}
