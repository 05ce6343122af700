import ArgumentParser

// INTERIM: replaced by the module that implements `specgate bundle`.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bundle", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("specgate bundle is not available yet")
    }
}
