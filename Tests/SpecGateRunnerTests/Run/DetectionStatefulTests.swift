import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import Testing
import SpecGateTestSupport

/// The Cal.com suite against the in-process sandbox: faults that need real resources (linked booking
/// uids, a real event type, the non-host expectation) are caught; the conformant sandbox gives nothing.
@Suite(.serialized)
struct DetectionStatefulTests {
    static var root: String { PackageRoot.path }

    static func run(faults: Set<SandboxFault>) async throws -> RunReport {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: faults))
        do {
            var options = RunOptions(
                path: root + "/specs/calcom/suite.yaml", baseURL: sandbox.baseURL,
                environment: ["CAL_API_KEY": SandboxSeed.standard.owner.apiKey])
            options.concurrency = 4
            let prepared = try RunPreparation.prepare(options)
            let report = try await RunExecutor.execute(prepared)
            try await sandbox.stop()
            return report
        } catch {
            try await sandbox.stop()
            throw error
        }
    }

    @Test func conformantSandboxHasNoFindings() async throws {
        let report = try await Self.run(faults: [])
        #expect(report.findings.map { "\($0.check) \($0.operationID): \($0.message)" } == [])
        #expect(report.notes.contains { $0.hasPrefix("links: bookingUid ← BookingsController_2024_08_13_createBooking") })
        #expect(report.notes.contains { $0.hasPrefix("clean-up: ") })
        let state = report.operations.first { $0.operationID == "BookingsController_2024_08_13_getBooking" }?
            .checks.first { $0.name == "state_consistency" }
        #expect(state?.status == .passed)
        #expect(state?.judged == 3)
    }

    @Test(arguments: [
        (SandboxFault.acceptBadPathParam, "BookingsController_2024_08_13_reassignBookingToUser"),
        (SandboxFault.rejectValidInput, "BookingsController_2024_08_13_createBooking"),
        (SandboxFault.reassignToNonHost, "BookingsController_2024_08_13_reassignBookingToUser"),
        (SandboxFault.cancelNotPersisted, "BookingsController_2024_08_13_getBooking"),
    ])
    func faultNeedingRealResourcesIsCaught(fault: SandboxFault, operation: String) async throws {
        let report = try await Self.run(faults: [fault])
        #expect(report.failures.contains { $0.check == fault.expectedCheck && $0.operationID == operation })
    }
}
