import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate replay`: re-send the failing requests of a JSON report and say which findings are fixed.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-send the failing requests stored in a JSON report and re-judge each finding.",
        discussion: """
            Secrets come from the environment again (the report holds only $NAME placeholders). Linked \
            resources (e.g. a booking for {bookingUid}) are created afresh. Each finding is reported still \
            failing, fixed, or not reproducible (transport error). Exits 0 when every finding is fixed, 1 \
            otherwise, 2 when the report or suite cannot be read.
            """
    )

    @Argument(help: "A JSON report written by `specgate run` or `specgate merge`.")
    var report: String

    @Option(help: "Send to this base URL instead of the report's.")
    var baseURL: String?

    @Option(help: "Judge with this suite or spec instead of the report's suitePath.")
    var suite: String?

    @Option(name: .customLong("finding"), parsing: .upToNextOption, help: "Only these findings (fingerprints).")
    var findings: [String] = []

    @Option(help: "Write the replay's JUnit XML here.")
    var junit: String?

    @Option(help: "Write the replay's JSON report here.")
    var json: String?

    @Option(help: "Seconds to wait for each response.")
    var timeout: Double = 10

    func run() async throws {
        let options = ReplayOptions(
            reportPath: report, baseURL: baseURL, suitePath: suite, fingerprints: findings,
            environment: ProcessInfo.processInfo.environment, timeoutSeconds: timeout)
        let outcome = try await ReplayExecutor.execute(options)
        print(ReplayReportWriter.console(outcome.report, style: ConsoleStyle.detect(), masker: outcome.masker))
        try ReplayReportWriter.write(outcome.report, junitPath: junit, jsonPath: json, masker: outcome.masker)
        try CommandFailure.check(reportExitCode: outcome.report.exitCode)
    }
}
