import ArgumentParser

// INTERIM: replaced by the module that implements `specgate validate`.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("specgate validate is not available yet")
    }
}
