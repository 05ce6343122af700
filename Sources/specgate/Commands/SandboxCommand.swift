import ArgumentParser

// INTERIM: replaced by the module that implements `specgate sandbox`.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sandbox", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("specgate sandbox is not available yet")
    }
}
