import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate plan`: `run --dry-run`'s printer — the requests `run` would send, nothing sent.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the generated test cases as curl commands (nothing is sent).",
        discussion: """
            Exactly what `run --dry-run` prints with the same options (the same option group, filters and \
            defaults): the cases `run` would send, in its order, with the suite's parameter and body values, \
            expectations and scenario cases applied, then the workflow steps. Each case is a comment line \
            (`# <case id>  expect <outcome>  <summary>`) followed by a curl command. The credential appears \
            as `$<env var>` (set or not); the secret itself is never printed. The same seed prints \
            byte-identical output.
            """
    )

    @Argument(help: "Suite file (or OpenAPI document; a file or an http(s) URL).")
    var suite: String

    @Option(name: .customLong("base-url"), help: "Base URL for the curl commands (default: the suite's baseURL).")
    var baseURL: String?

    @OptionGroup var cases: CaseOptions

    /// Deprecated spelling of `--no-invalid`, kept for old scripts.
    @Flag(name: .customLong("valid-only"), help: .hidden)
    var validOnly = false

    @OptionGroup var source: SpecSourceOptions

    @OptionGroup var servers: ServerVariableOptions

    func run() async throws {
        var options = cases.runOptions(suite: suite, baseURL: baseURL, concurrency: 1)
        if validOnly { options.includeInvalid = false }
        options.specFetch = source.fetchOptions(caCertificatePath: cases.caCert)
        options.serverVariables = servers.variables
        try await DryRunPrinter.print(options)
    }
}

/// What `plan` and `run --dry-run` print: one printer for both, so the plan is what `run` sends.
enum DryRunPrinter {
    static func print(_ options: RunOptions) async throws {
        var options = options
        options.planOnly = true
        let prepared = try await RunPreparation.prepareFetching(options)
        for line in DryRun.header(prepared) + DryRun.lines(prepared) { Swift.print(line) }
    }
}
