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
            Each case is a comment line (`# <case id>  expect <outcome>  <summary>`) followed by a curl \
            command. The credential appears as `$<env var>`; the secret itself is never printed. The \
            same seed prints byte-identical output.
            """
    )

    @Argument(help: "Suite file (or OpenAPI document).")
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

    func validate() throws {
        guard validCases >= 1 else { throw ValidationError("--valid-cases must be at least 1") }
        guard maxCases >= 1 else { throw ValidationError("--max-cases must be at least 1") }
    }

    func run() async throws {
        let target: LoadedTarget
        do {
            target = try Workspace.load(path: suite)
        } catch {
            SpecCommandOutput.printError(error.description)
            throw ExitCode(2)
        }
        var spec = target.spec
        if !operations.isEmpty {
            var selected: [SpecGateCore.Operation] = []
            for name in operations {
                guard let op = target.fullSpec.operations.first(where: { $0.id == name || $0.operationId == name || $0.displayName == name })
                else {
                    SpecCommandOutput.printError("no operation \(name) in the spec")
                    throw ExitCode(2)
                }
                selected.append(op)
            }
            spec.operations = selected
        }
        var options = GenerationOptions(
            seed: seed, maxCasesPerOperation: maxCases, validCasesPerOperation: validCases, includeInvalid: !validOnly)
        if let suite = target.suite {
            options.fixedHeaders = suite.headers.map { ($0.name, $0.value) }
            options.parameterValues = suite.parameters
            if let auth = suite.auth, auth.type != .query {
                // The plan never prints the secret, so a placeholder stands in when the variable is unset.
                let secret = ProcessInfo.processInfo.environment[auth.env] ?? "<" + auth.env + ">"
                options.credential = Credential(
                    header: auth.header ?? "Authorization", scheme: auth.type == .bearer ? "Bearer" : nil, secret: secret,
                    envVar: auth.env, prefix: auth.prefix)
            }
        }
        let base = baseURL ?? target.suite?.baseURL ?? spec.servers.first ?? "http://localhost"
        // Suite `secrets` name further environment variables whose values never appear in output.
        let environment = ProcessInfo.processInfo.environment
        let secrets = (target.suite?.secrets ?? []).compactMap { name in environment[name].map { (value: $0, variable: name) } }
        let sets = CaseGenerator(spec: spec, options: options).generateAll()
        let renderer = PlanRenderer(baseURL: base, credential: options.credential, secrets: secrets)
        print(renderer.render(seed: seed, caseSets: sets), terminator: "")
    }
}
