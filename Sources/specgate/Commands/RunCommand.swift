import ArgumentParser

// INTERIM: replaced by the module that implements `specgate run`.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("specgate run is not available yet")
    }
}
