import ArgumentParser

// INTERIM: replaced by the module that implements `specgate plan`.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("specgate plan is not available yet")
    }
}
