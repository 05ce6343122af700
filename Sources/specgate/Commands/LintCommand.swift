import ArgumentParser

// INTERIM: replaced by the module that implements `specgate lint`.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("specgate lint is not available yet")
    }
}
