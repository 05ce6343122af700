import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import Synchronization
import Testing

/// Cases are made as they are sent: the executor holds at most `concurrency` of them, and what a run
/// reports does not depend on how many are in flight.
@Suite("Streaming runs", .serialized)
struct StreamingRunTests {
    static let listBookings = "BookingsController_2024_08_13_getBookings"

    /// Progress reports of one run, collected from the executor's callback.
    final class Reports: Sendable {
        let all = Mutex<[RunProgress]>([])
        func add(_ progress: RunProgress) { all.withLock { $0.append(progress) } }
    }

    @Test("a run never holds more cases than its concurrency, and makes each case once")
    func boundedInFlight() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let reports = Reports()
        let report: RunReport
        do {
            var options = RunOptions(
                path: RunHarness.suite, baseURL: sandbox.baseURL, seed: 3, maxCasesPerOperation: 40,
                includeInvalid: false,
                concurrency: 3, timeoutSeconds: 5, retries: 0, environment: ["CAL_API_KEY": RunHarness.ownerKey])
            options.operations = [Self.listBookings]
            options.validCasesPerOperation = 40
            let prepared = try RunPreparation.prepare(options)
            #expect(prepared.caseBound == 40)
            report = try await RunExecutor.execute(prepared) { reports.add($0) }
            try await sandbox.stop()
        } catch {
            try? await sandbox.stop()
            throw error
        }
        let progress = reports.all.withLock { $0 }
        #expect(progress.count == report.requests)
        #expect(report.requests > 30)
        for entry in progress {
            // Made minus finished: what the executor holds at that moment.
            #expect(entry.casesInFlight <= 3)
            #expect(entry.casesMade - entry.done <= 3)
            #expect(entry.total >= entry.done)
        }
        let last = try #require(progress.last)
        #expect(last.casesMade == report.requests)
        #expect(last.totalIsExact && last.total == report.requests)
        #expect(!report.incomplete)
    }

    @Test("streamed cases are the generator's cases for the seed, without duplicate requests")
    func streamMatchesGenerator() throws {
        var options = RunOptions(
            path: RunHarness.suite, baseURL: "http://127.0.0.1:9", seed: 5, maxCasesPerOperation: 40,
            environment: ["CAL_API_KEY": RunHarness.ownerKey])
        options.validCasesPerOperation = 25
        let prepared = try RunPreparation.prepare(options)
        var feed = CaseFeed(prepared)
        var streamed: [TestCase] = []
        while let planned = feed.next() { streamed.append(planned.testCase) }
        #expect(feed.exhausted && feed.handedOut == streamed.count)
        #expect(feed.caseBound == streamed.count)
        var expected: [TestCase] = []
        for plan in prepared.plans {
            for testCase in prepared.generator.generate(for: plan.operation).cases {
                expected.append(plan.planned(testCase, fixedParameters: prepared.fixedParameters).testCase)
            }
            expected += plan.scenarios.map(\.testCase)
        }
        #expect(streamed.map(\.id) == expected.map(\.id))
        #expect(streamed.map(\.request) == expected.map(\.request))
        let valid = streamed.filter { $0.kind == .valid }
        #expect(Set(valid.map(\.request)).count == valid.count)
        // A second feed on the same run makes the same cases.
        #expect(prepared.makeAllCases().map(\.testCase) == streamed)
    }

    @Test("a fault's findings and the report do not depend on how many cases are in flight")
    func sameFindingsAnyConcurrency() async throws {
        func run(_ concurrency: Int) async throws -> RunReport {
            try await RunHarness.run(faults: [.enumOutOfSet]) { options in
                options.concurrency = concurrency
            }
        }
        let one = try await run(1)
        let eight = try await run(8)
        #expect(!one.findings.isEmpty)
        #expect(Set(one.findings.map(\.fingerprint)) == Set(eight.findings.map(\.fingerprint)))
        #expect(one.requests == eight.requests)
        #expect(one.notes == eight.notes)
        #expect(one.operations.map(\.operationID) == eight.operations.map(\.operationID))
        #expect(one.operations.map(\.validCases) == eight.operations.map(\.validCases))
        #expect(one.operations.map(\.invalidCases) == eight.operations.map(\.invalidCases))
        #expect(one.exitCode == 1 && eight.exitCode == 1)
    }
}
