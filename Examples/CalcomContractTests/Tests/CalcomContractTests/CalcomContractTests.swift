import Foundation
import SpecGate
import SpecGateSandbox
import Testing

/// The Cal.com suite (`specs/calcom/suite.yaml`) run through the SpecGate library against the Cal.com
/// sandbox, started in-process on 127.0.0.1 (port 0): one test per operation, failing with each finding's
/// message and the curl command that reproduces it.
@Suite("Cal.com contract")
struct CalcomContractTests {
    /// `specs/calcom/suite.yaml` of the SpecGate checkout this package sits in (Examples/<name>/Tests/<target>/<file>).
    static let suitePath: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(5)
        return parts.joined(separator: "/") + "/specs/calcom/suite.yaml"
    }()

    static let suite = Result { () throws(SpecGateError) -> ContractSuite in try ContractSuite(file: suitePath) }

    /// The operations the suite tests: the test arguments.
    static let operations: [String] = (try? suite.get())?.operations.map(\.id) ?? []

    @Test func theSuiteLoads() throws {
        let suite = try Self.suite.get()
        #expect(suite.operations.count >= 5, "every operation is a test argument")
    }

    @Test(arguments: CalcomContractTests.operations)
    func operationHonoursItsContract(_ operationID: String) async throws {
        let suite = try Self.suite.get()
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        var options = RunConfiguration(
            operations: [operationID], environment: ["CAL_API_KEY": sandbox.seed.owner.apiKey])
        options.retries = 0
        let run: ContractRun
        do {
            run = try await suite.run(against: sandbox.baseURL, options: options)
            try await sandbox.stop()
        } catch {
            try? await sandbox.stop()
            throw error
        }
        let outcome = try #require(run.operation(operationID), "the run reports \(operationID)")
        for finding in outcome.findings {
            Issue.record(Comment(rawValue: finding.description))
        }
        #expect(outcome.validCases > 0)
        #expect(outcome.checks.allSatisfy { $0.status != .failed && $0.status != .error })
    }
}
