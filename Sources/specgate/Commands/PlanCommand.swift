import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate plan`: the cases a run would send, as comments and curl commands, without sending anything.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the generated test cases as curl commands (nothing is sent).",
        discussion: """
            The cases `run` would send with the same options, in its order: the suite's parameter and \
            body values, expectations and scenario cases applied. Each case is a comment line \
            (`# <case id>  expect <outcome>  <summary>`) followed by a curl command. The credential \
            appears as `$<env var>` (set or not); the secret itself is never printed. The same seed \
            prints byte-identical output. Workflow steps are listed by `run --dry-run`.
            """
    )

    @Argument(help: "Suite file (or OpenAPI document; a file or an http(s) URL).")
    var suite: String

    @Option(help: "Seed for value generation.")
    var seed: UInt64 = 1

    @Option(name: .customLong("max-cases"), help: "Most cases per operation.")
    var maxCases: Int = 40

    @Option(name: .customLong("valid-cases"), help: "Valid cases per operation (within --max-cases), as for `run`.")
    var validCases: Int = 3

    @Option(name: .customLong("operation"), help: "Only this operation (operationId or \"METHOD /path\"); repeatable.")
    var operations: [String] = []

    @Option(name: .customLong("base-url"), help: "Base URL for the curl commands (default: the suite's baseURL).")
    var baseURL: String?

    @Flag(name: .customLong("valid-only"), help: "Leave out invalid cases.")
    var validOnly = false

    @OptionGroup var source: SpecSourceOptions

    @OptionGroup var servers: ServerVariableOptions

    func validate() throws {
        guard validCases >= 1 else { throw ValidationError("--valid-cases must be at least 1") }
        guard maxCases >= 1 else { throw ValidationError("--max-cases must be at least 1") }
    }

    func run() async throws {
        // The plan is what `run` would send: the same preparation (suite values, expectations, scenario
        // cases, operation order), planning only (see `RunOptions.planOnly`).
        let environment = ProcessInfo.processInfo.environment
        var options = RunOptions(
            path: suite, baseURL: baseURL, seed: seed, maxCasesPerOperation: maxCases, includeInvalid: !validOnly,
            operations: operations, environment: environment)
        options.validCasesPerOperation = validCases
        options.planOnly = true
        options.specFetch = source.fetchOptions()
        options.serverVariables = servers.variables
        let run: PreparedRun
        do {
            run = try await RunPreparation.prepareFetching(options)
        } catch {
            SpecCommandOutput.printError(error.description)
            throw ExitCode(2)
        }
        // Suite `secrets` name further environment variables whose values never appear in output.
        let secrets = (run.target.suite?.secrets ?? []).compactMap { name in environment[name].map { (value: $0, variable: name) } }
        let renderer = PlanRenderer(baseURL: run.baseURL, credential: run.generator.options.credential, secrets: secrets)
        var text = renderer.render(seed: seed, caseSets: PlannedCaseSets.make(run))
        if !run.workflows.isEmpty {
            text += "\n# \(run.workflows.count) workflow(s) run after these cases; `specgate run --dry-run` shows their steps\n"
        }
        print(text, terminator: "")
    }
}
