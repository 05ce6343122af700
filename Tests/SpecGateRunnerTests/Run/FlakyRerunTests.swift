import Foundation
import SpecGateCore
import SpecGateJUnit
import SpecGateRunner
import SpecGateSandbox
import Testing

/// `--rerun-failures`: findings of a case that passed when re-sent are flaky (not failures); findings
/// that persist stay failures.
@Suite("Flaky reruns", .serialized)
struct FlakyRerunTests {
    static let listBookings = "BookingsController_2024_08_13_getBookings"

    @Test("a flaky exchange's findings do not fail the run; a repeated one does")
    func judgeFlaky() throws {
        var options = RunOptions(
            path: RunHarness.suite, baseURL: "http://127.0.0.1:9", maxCasesPerOperation: 2,
            environment: ["CAL_API_KEY": RunHarness.ownerKey])
        options.operations = [Self.listBookings]
        let prepared = try RunPreparation.prepare(options)
        let planned = try #require(prepared.makeAllCases().first { $0.operation.id == Self.listBookings })
        let record = ExchangeRecord(
            operation: planned.operation,
            label: CaseLabel(caseID: planned.testCase.id, expectsSuccess: true, expectedStatuses: [200]),
            url: "http://127.0.0.1:9/x",
            request: planned.testCase.request,
            outcome: .response(ObservedResponse(status: 500, headers: [], body: [], elapsedMilliseconds: 1)))
        var judge = Judge(checks: prepared.checks, schemas: prepared.schemas, masker: prepared.masker)
        #expect(judge.fails(record))
        judge.record(record, flaky: true)
        let flaky = judge.report(
            toolVersion: "t", suite: "s", specTitle: "t", baseURL: "u", seed: 1, startedAt: "2026-01-01T00:00:00Z",
            durationMilliseconds: 1, incomplete: false, diagnostics: [])
        #expect(!flaky.findings.isEmpty)
        #expect(flaky.findings.allSatisfy { $0.flaky })
        #expect(flaky.failures.isEmpty && flaky.exitCode == 0)
        let junit = JUnitReportBuilder.build(flaky)
        let server = try #require(junit.suites.first?.testCases.first { $0.name == "not_a_server_error" })
        #expect(server.outcome == .passed)
        #expect(server.flakyFailures.count == 1)
        #expect(ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(flaky).contains("FLAKY"))

        judge.record(record)
        let solid = judge.report(
            toolVersion: "t", suite: "s", specTitle: "t", baseURL: "u", seed: 1, startedAt: "2026-01-01T00:00:00Z",
            durationMilliseconds: 1, incomplete: false, diagnostics: [])
        #expect(solid.findings.allSatisfy { !$0.flaky })
        #expect(solid.exitCode == 1)
    }

    @Test("a fault that persists through reruns stays a failure")
    func persistentFailure() async throws {
        let report = try await RunHarness.run(faults: [.enumOutOfSet]) { options in
            options.operations = [Self.listBookings]
            options.maxCasesPerOperation = 4
            options.rerunFailures = 2
        }
        #expect(!report.failures.isEmpty)
        #expect(report.flakyFindings.isEmpty)
        #expect(report.exitCode == 1)
        #expect(!report.notes.contains { $0.hasPrefix("rerun:") })
    }
}
