import ArgumentParser

// INTERIM: replaced by the module that implements `specgate list`.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("specgate list is not available yet")
    }
}
