import ArgumentParser

@main
struct SpecGate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specgate",
        abstract: "Contract and conformance test runner for HTTP APIs.",
        discussion: """
            Exit codes: 0 clean; 1 findings (lint errors or conformance failures); 2 usage or spec error; \
            3 target unreachable or every request errored; 130/143 interrupted.
            """,
        version: "0.1.0",
        subcommands: [
            LintCommand.self, ListCommand.self, BundleCommand.self, ValidateCommand.self,
            PlanCommand.self, RunCommand.self, SandboxCommand.self, BaselineCommand.self, MergeCommand.self,
        ]
    )
}
