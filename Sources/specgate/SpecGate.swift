import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

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
            PlanCommand.self, RunCommand.self, CompareCommand.self, SandboxCommand.self, BaselineCommand.self,
            MergeCommand.self,
            ReportCommand.self, DiffCommand.self, InitCommand.self, ReplayCommand.self, SuggestCommand.self,
        ]
    )

    /// Runs the command. This is the one place errors become exit codes (README "Exit codes"): usage
    /// errors (argument-parser's 64) exit 2; a ``CommandFailure`` or a `DiagnosticError` (`RunError`,
    /// `InitError`, `SpecLoadError`) prints its diagnostics on stderr and exits with its status; any other error a
    /// command throws means the tool cannot go on (2).
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if let failure = error as? CommandFailure { exit(with: failure) }
            if exitCode(for: error) == .validationFailure {
                // argument-parser's own message and usage text, with the README's usage exit code.
                StandardError.write(lines: [fullMessage(for: error)])
                Foundation.exit(CommandFailure.Status.cannotGoOn.rawValue)
            }
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard let failure = failure(for: error) else { exit(withError: error) }
            exit(with: failure)
        }
    }

    /// What `error`, thrown by a command's `run()`, means; nil for argument-parser's own (`ExitCode`, `CleanExit`).
    static func failure(for error: any Error) -> CommandFailure? {
        // argument-parser's own requests (`--help`, `--version`, `help run`) are not failures: it prints them.
        if exitCode(for: error) == .success { return nil }
        return switch error {
        case let failure as CommandFailure: failure
        case let error as any DiagnosticError: .cannotGoOn(error.diagnostic, underlying: error)
        case let error as ValidationError: .cannotGoOn(.error("usage", error.message))
        case is ExitCode, is CleanExit: nil
        default: .cannotGoOn(.error("failed", String(describing: error)))
        }
    }

    /// Prints the failure's diagnostics on stderr, one line each, and exits with its status.
    static func exit(with failure: CommandFailure) -> Never {
        StandardError.write(failure.diagnostics)
        Foundation.exit(failure.status.rawValue)
    }
}
