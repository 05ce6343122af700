import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport

/// Runs the Cal.com suite in-process against an in-process sandbox (127.0.0.1, port 0), the way
/// `specgate run` does: prepare → execute → report. Stops the sandbox itself.
enum RunHarness {
    static var packageRoot: String { PackageRoot.path }

    static let suite = packageRoot + "/specs/calcom/suite.yaml"

    /// The sandbox's seeded owner key: the credential every run uses.
    static var ownerKey: String { SandboxSeed.standard.owner.apiKey }

    static func run(
        faults: Set<SandboxFault> = [], slowDelay: Duration = .milliseconds(300),
        connection: SandboxConnectionBehaviour = .keepAlive,
        configure: (inout RunOptions) -> Void = { _ in }
    ) async throws -> RunReport {
        let sandbox = try await Sandbox.start(
            SandboxConfiguration(faults: faults, slowDelay: slowDelay, connectionBehaviour: connection))
        do {
            var options = RunOptions(
                path: suite, baseURL: sandbox.baseURL, seed: 1, concurrency: 4, timeoutSeconds: 5, retries: 0,
                environment: ["CAL_API_KEY": ownerKey, "CAL_OUTSIDER_API_KEY": SandboxSeed.standard.outsider.apiKey])
            configure(&options)
            let prepared = try RunPreparation.prepare(options)
            let report = try await RunExecutor.execute(prepared)
            try await sandbox.stop()
            return report
        } catch {
            try? await sandbox.stop()
            throw error
        }
    }
}
