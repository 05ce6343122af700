import ArgumentParser
import Foundation

@main
struct SpecGate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specgate",
        abstract: "Contract and conformance test runner for HTTP APIs.",
        discussion: """
            Exit codes: 0 clean; 1 findings (lint errors or conformance failures); 2 usage or spec error; \
            3 target unreachable or every request errored; 130/143 interrupted.
            """,
        version: BuildInfo.versionLine,
        subcommands: [
            LintCommand.self, ListCommand.self, BundleCommand.self, ValidateCommand.self,
            PlanCommand.self, RunCommand.self, CompareCommand.self, SandboxCommand.self, BaselineCommand.self, MergeCommand.self,
            ReportCommand.self, DiffCommand.self, InitCommand.self, ReplayCommand.self, SuggestCommand.self,
        ]
    )

    /// Runs the command; usage errors (argument-parser's 64) exit 2, as the README documents.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
