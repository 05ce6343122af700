import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// The Cal.com suite against the in-process sandbox: faults that need real resources (linked booking
/// uids, a real event type, the non-host expectation) are caught; the conformant sandbox gives nothing.
@Suite(.serialized)
struct DetectionStatefulTests {
    static var root: String { PackageRoot.path }

    static func run(faults: Set<SandboxFault>, configure: (inout RunOptions) -> Void = { _ in }) async throws
        -> RunReport
    {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: faults))
        do {
            var options = RunOptions(
                path: root + "/specs/calcom/suite.yaml", baseURL: sandbox.baseURL,
                environment: ["CAL_API_KEY": SandboxSeed.standard.owner.apiKey])
            options.concurrency = 4
            configure(&options)
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
        #expect(
            report.notes.contains { $0.hasPrefix("links: bookingUid ← BookingsController_2024_08_13_createBooking") })
        #expect(report.notes.contains { $0.hasPrefix("clean-up: ") })
        let state = report.operations.first { $0.operationID == "BookingsController_2024_08_13_getBooking" }?
            .checks.first { $0.name == "state_consistency" }
        #expect(state?.status == .passed)
        #expect(state?.judged == 3)
        // resource_persisted read bookings back after reassign/decline/mark-absent/location and found them as answered.
        let persisted = report.operations.first { $0.operationID == "BookingsController_2024_08_13_getBooking" }?
            .checks.first { $0.name == "resource_persisted" }
        #expect(persisted?.status == .passed)
        #expect((persisted?.judged ?? 0) > 0)
    }

    @Test(arguments: [
        (SandboxFault.acceptBadPathParam, "BookingsController_2024_08_13_reassignBookingToUser"),
        (SandboxFault.rejectValidInput, "BookingsController_2024_08_13_createBooking"),
        (SandboxFault.reassignToNonHost, "BookingsController_2024_08_13_reassignBookingToUser"),
        (SandboxFault.cancelNotPersisted, "BookingsController_2024_08_13_getBooking"),
        (SandboxFault.reassignNotPersisted, "BookingsController_2024_08_13_getBooking"),
    ])
    func faultNeedingRealResourcesIsCaught(fault: SandboxFault, operation: String) async throws {
        let report = try await Self.run(faults: [fault])
        #expect(report.failures.contains { $0.check == fault.expectedCheck && $0.operationID == operation })
    }

    /// A reassign answering the new host that the booking does not keep: caught by `resource_persisted` from the
    /// links alone (the suite's lifecycle workflow also fails its `state` assertion); nothing else fires.
    @Test func reassignNotPersistedIsCaughtByResourcePersisted() async throws {
        let report = try await Self.run(faults: [.reassignNotPersisted])
        let failing = Set(report.failures.map(\.check))
        #expect(failing.contains("resource_persisted"))
        #expect(failing.isSubset(of: ["resource_persisted", "state_consistency"]), "\(failing)")
        let finding = try #require(report.failures.first { $0.check == "resource_persisted" })
        #expect(finding.message.contains("/reassign"))
        #expect(finding.message.contains("curl "))
        #expect(finding.message.contains("an item of /data/hosts"))
        // The disagreeing read was repeated once, a moment later, before it was reported.
        #expect(finding.message.contains("a read right after (and again 500 ms later) answered 200"))
        #expect(finding.request.curl.contains("/v2/bookings/"))
        #expect(
            report.notes.contains {
                $0.hasPrefix(
                    "resource_persisted: after POST /v2/bookings/{bookingUid}/reassign answered 2xx, GET /v2/bookings/{bookingUid} read the resource back"
                )
                    && $0.hasSuffix(
                        "compared on /data/reassignedTo ~ an item of /data/hosts {id, name, email, displayEmail}")
            })
        // Reschedule answers a new booking: not compared, and the notes say so.
        #expect(
            report.notes.contains {
                $0.hasPrefix(
                    "resource_persisted: POST /v2/bookings/{bookingUid}/reschedule answered another resource (/data/uid)"
                )
            })
    }
}
