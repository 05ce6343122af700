import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateSandbox
import Testing

@testable import SpecGateRunner

/// Minimal repro against the in-process sandbox: `server_error_on_optional_property` answers 500 to a
/// reschedule that gives the optional `reschedulingReason`; the finding shows a request holding only what the
/// body schema requires (`start`) plus `reschedulingReason`.
@Suite(.serialized)
struct ShrinkingRunTests {
    static let reschedule = "BookingsController_2024_08_13_rescheduleBooking"

    static func run(faults: Set<SandboxFault>, operations: [String] = [reschedule], budget: Int = 40) async throws
        -> RunReport
    {
        try await DetectionStatefulTests.run(faults: faults) { options in
            options.operations = operations
            options.shrinkBudget = budget
        }
    }

    @Test func serverErrorIsShrunkToTheRequiredPropertiesPlusTheCulprit() async throws {
        let report = try await Self.run(faults: [.serverErrorOnOptionalProperty])
        #expect(Set(report.failures.map(\.check)) == ["not_a_server_error", "status_code_conformance"])
        let finding = try #require(
            report.failures.first { $0.check == "not_a_server_error" && $0.operationID == Self.reschedule })
        let repro = try #require(finding.minimalRepro)
        #expect(repro.status == 500)
        #expect(repro.resends > 0 && repro.resends <= 40)
        #expect(!repro.changes.isEmpty)
        let body = try JSONParser().parse(Array(try #require(repro.request.fullBody).utf8))
        let keys = try #require(body.objectValue).keys
        #expect(Set(keys) == ["start", "reschedulingReason"], "\(JSONWriter.compact(body))")
        #expect(repro.request.curl.contains("reschedulingReason"))
        #expect(repro.request.curl.hasPrefix("curl "))
        // The credential is kept although Cal.com declares Authorization optional on reschedule.
        #expect(repro.request.curl.contains("$CAL_API_KEY"))
        #expect(
            report.notes.contains {
                $0.hasPrefix("shrinking: \(Self.reschedule) (not_a_server_error) shrunk with \(repro.resends) re-sends")
            })
        // Every report shows it.
        let json = RunReportJSON.encode(report)
        let decoded = try RunReportJSONDecoder(file: "r.json").decode(bytes: Array(JSONWriter.pretty(json).utf8))
        #expect(decoded.failures.first { $0.fingerprint == finding.fingerprint }?.minimalRepro == repro)
        let console = ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(report)
        #expect(console.contains("minimal repro (\(repro.resends) re-sends while shrinking"))
        #expect(JUnitReportBuilder.details([finding]).contains(repro.request.curl))
        #expect(GitHubAnnotations.message(finding).contains(repro.summary))
        let html = HTMLReport().render(report)
        #expect(html.contains("<h4>Minimal repro</h4>"))
        #expect(html.contains("reschedulingReason"))
    }

    /// A valid create rejected with 400 (`reject_valid_input`) is shrunk while it stays a 4xx of
    /// positive_data_acceptance; what is left is what the schema requires, with the suite's fixed eventTypeId.
    @Test func aRejectedValidCaseIsShrunkWithinItsStatusClass() async throws {
        let create = "BookingsController_2024_08_13_createBooking"
        let report = try await Self.run(faults: [.rejectValidInput], operations: [create])
        let finding = try #require(report.failures.first { $0.check == "positive_data_acceptance" })
        let repro = try #require(finding.minimalRepro)
        #expect(repro.status == 400)
        #expect(repro.resends > 0 && repro.resends <= 40)
        let body = try JSONParser().parse(Array(try #require(repro.request.fullBody).utf8))
        #expect(
            Set(try #require(body.objectValue).keys) == ["start", "attendee", "eventTypeId"],
            "\(JSONWriter.compact(body))")
        #expect(body["eventTypeId"] == 502)
    }

    @Test func theSameRunShrinksTheSameWay() async throws {
        let first = try await Self.run(faults: [.serverErrorOnOptionalProperty])
        let second = try await Self.run(faults: [.serverErrorOnOptionalProperty])
        let a = try #require(first.failures.first?.minimalRepro)
        let b = try #require(second.failures.first?.minimalRepro)
        #expect(a.changes == b.changes)
        #expect(a.resends == b.resends)
        #expect(a.request.fullBody == b.request.fullBody)
    }

    @Test func aZeroBudgetShrinksNothing() async throws {
        let report = try await Self.run(faults: [.serverErrorOnOptionalProperty], budget: 0)
        #expect(!report.failures.isEmpty)
        #expect(report.failures.allSatisfy { $0.minimalRepro == nil })
        #expect(!report.notes.contains { $0.hasPrefix("shrinking:") })
    }

    /// Over the whole suite the fault fires only not_a_server_error, and status_code_conformance for the
    /// undocumented 500 (as every sandbox 500 does: Cal.com documents no 500), both on the reschedule.
    @Test func theFaultFiresOnlyNotAServerError() async throws {
        let report = try await Self.run(faults: [.serverErrorOnOptionalProperty], operations: [])
        #expect(
            Set(report.failures.map(\.check)) == ["not_a_server_error", "status_code_conformance"],
            "\(report.failures.map { "\($0.check) \($0.operationID): \($0.message)" })")
        #expect(Set(report.failures.map(\.operationID)) == [Self.reschedule])
    }
}
