import Foundation
import SpecGateCore
import SpecGateSandbox
import Testing

@testable import SpecGateRunner

/// `run --max-time`: after the default cases, new distinct cases until the time is up.
@Suite("Time budget (--max-time)", .serialized)
struct TimeBudgetTests {
    static let listBookings = "BookingsController_2024_08_13_getBookings"
    static let getBooking = "BookingsController_2024_08_13_getBooking"
    static let cancelBooking = "BookingsController_2024_08_13_cancelBooking"

    @Test("durations parse: 500ms, 30s, 2m, 1h, bare seconds; nonsense and zero are refused")
    func parse() {
        #expect(TimeBudget("500ms")?.seconds == 0.5)
        #expect(TimeBudget("30s")?.seconds == 30)
        #expect(TimeBudget("2m")?.seconds == 120)
        #expect(TimeBudget("1h")?.seconds == 3600)
        #expect(TimeBudget("45")?.seconds == 45)
        #expect(TimeBudget("1.5s")?.seconds == 1.5)
        for bad in ["", "s", "0s", "-3s", "2 minutes", "abc", "1e3s", "nan"] {
            #expect(TimeBudget(bad) == nil, "\(bad)")
        }
    }

    /// A prepared run of a few operations that never sends anything (the feed is only drawn from).
    func prepared(seed: UInt64 = 1, budget: TimeBudget) throws -> PreparedRun {
        var options = RunOptions(
            path: RunHarness.suite, baseURL: "http://127.0.0.1:9", seed: seed,
            environment: ["CAL_API_KEY": RunHarness.ownerKey])
        options.operations = [Self.listBookings, Self.getBooking, Self.cancelBooking]
        options.maxTime = budget
        return try RunPreparation.prepare(options)
    }

    /// Up to `limit` jobs' requests, in order.
    func draw(_ run: PreparedRun, limit: Int) -> (ids: [String], digests: [UInt64], feed: JobFeed) {
        let feed = JobFeed(run)
        var ids: [String] = []
        var digests: [UInt64] = []
        while ids.count < limit, let job = feed.next() {
            guard case .single(let planned) = job else { continue }
            ids.append(planned.testCase.id)
            digests.append(CaseStream.digest(planned.testCase.request))
        }
        return (ids, digests, feed)
    }

    @Test("the budget goes on after the default cases with new, distinct requests, in the same order for a seed")
    func distinctAndDeterministic() throws {
        let run = try prepared(budget: TimeBudget(seconds: 3600))
        let defaults = run.makeAllCases().count
        let first = draw(run, limit: defaults + 300)
        #expect(first.ids.count == defaults + 300)
        #expect(Set(first.digests).count == first.digests.count, "a request was sent twice")
        #expect(Set(first.ids).count == first.ids.count, "a case id was used twice")
        // The default cases come first, unchanged; the new ones are marked with their round.
        #expect(Array(first.ids.prefix(defaults)) == run.makeAllCases().map(\.testCase.id))
        #expect(first.ids.dropFirst(defaults).allSatisfy { $0.contains("~r") })
        // Valid and invalid cases both keep coming, for every operation.
        let extra = first.ids.dropFirst(defaults)
        #expect(extra.contains { $0.contains("/valid/") } && extra.contains { $0.contains("/invalid/") })
        for operation in [Self.listBookings, Self.getBooking, Self.cancelBooking] {
            #expect(extra.contains { $0.hasPrefix(operation + "/") }, "\(operation) got no turn")
        }
        let again = draw(run, limit: defaults + 300)
        #expect(again.ids == first.ids)
        #expect(again.digests == first.digests)
        let otherSeed = draw(try prepared(seed: 2, budget: TimeBudget(seconds: 3600)), limit: defaults + 300)
        #expect(otherSeed.digests != first.digests)
    }

    @Test("--safe and --shard hold for the budget's cases too: only safe methods, only the shard's operations")
    func safeAndShard() throws {
        var options = RunOptions(
            path: RunHarness.suite, baseURL: "http://127.0.0.1:9", environment: ["CAL_API_KEY": RunHarness.ownerKey])
        options.safe = true
        options.shard = Shard("1/2")
        options.maxTime = TimeBudget(seconds: 3600)
        let run = try RunPreparation.prepare(options)
        let selected = Set(run.plans.map(\.operation.id))
        #expect(!selected.isEmpty)
        let feed = JobFeed(run)
        var budgetCases = 0
        while budgetCases < 200, let job = feed.next() {
            guard case .single(let planned) = job else { continue }
            #expect(planned.testCase.request.method.isSafe, "\(planned.testCase.id)")
            #expect(selected.contains(planned.operation.id))
            if planned.testCase.id.contains("~r") { budgetCases += 1 }
        }
        #expect(budgetCases == 200)
    }

    @Test("an operation whose answers bring nothing new gets fewer turns than one still giving new status codes")
    func weighting() throws {
        let run = try prepared(budget: TimeBudget(seconds: 3600))
        let feed = JobFeed(run)
        while feed.cases.exhausted == false, feed.next() != nil {}
        // 40 answers in a row of the same 200 for two operations; the third's are each new.
        let operations = Dictionary(uniqueKeysWithValues: run.operations.map { ($0.id, $0) })
        func verdict(_ id: String, _ status: Int) throws -> ExchangeVerdict {
            let operation = try #require(operations[id])
            let request = PreparedRequest(
                method: operation.method, pathAndQuery: operation.path, headers: [], body: nil)
            let label = CaseLabel(caseID: id, expectsSuccess: true)
            return ExchangeVerdict(
                exchange: ExchangeRecord(
                    operation: operation, label: label, url: "http://127.0.0.1:9" + operation.path, request: request,
                    outcome: .response(ObservedResponse(status: status, headers: [], body: [], elapsedMilliseconds: 1)),
                    attempts: 1))
        }
        for n in 0..<40 {
            feed.observe([
                try verdict(Self.listBookings, 200), try verdict(Self.getBooking, 200),
                try verdict(Self.cancelBooking, 200 + n),
            ])
        }
        var turns: [String: Int] = [:]
        for _ in 0..<200 {
            guard case .single(let planned)? = feed.next() else { break }
            turns[planned.operation.id, default: 0] += 1
        }
        #expect(turns[Self.cancelBooking, default: 0] > 2 * turns[Self.listBookings, default: 0], "\(turns)")
        #expect(turns[Self.listBookings, default: 0] > 0, "a stale operation still gets some turns: \(turns)")
    }

    @Test("once the time is up nothing more is handed out, and the notes say why")
    func stopsWhenTimeIsUp() async throws {
        let run = try prepared(budget: try #require(TimeBudget("1ms")))
        try await Task.sleep(for: .milliseconds(20))
        let feed = JobFeed(run)
        try await Task.sleep(for: .milliseconds(20))
        #expect(feed.next() == nil)
        #expect(feed.exhausted)
        #expect(
            feed.notes.contains {
                $0.hasPrefix("time budget: --max-time 1ms: 0 cases") && $0.hasSuffix("stopped because the time was up")
            })
    }

    @Test("a default run has no budget: the same cases as before, no budget notes")
    func defaultRunUnchanged() throws {
        var options = RunOptions(
            path: RunHarness.suite, baseURL: "http://127.0.0.1:9", environment: ["CAL_API_KEY": RunHarness.ownerKey])
        options.operations = [Self.listBookings]
        let run = try RunPreparation.prepare(options)
        let drawn = draw(run, limit: 10_000)
        #expect(drawn.ids == run.makeAllCases().map(\.testCase.id))
        #expect(drawn.feed.budget == nil)
        #expect(!drawn.feed.notes.contains { $0.hasPrefix("time budget") })
    }

    @Test("against the conformant sandbox: more distinct cases than a default run, 0 findings, stops near the budget")
    func sandboxRun() async throws {
        let operations = [Self.listBookings, Self.getBooking, Self.cancelBooking]
        let plain = try await RunHarness.run { $0.operations = operations }
        let clock = ContinuousClock()
        let started = clock.now
        let budgeted = try await RunHarness.run {
            $0.operations = operations
            $0.maxTime = TimeBudget(seconds: 2)
        }
        let elapsed = clock.now - started
        #expect(plain.findings.isEmpty)
        #expect(budgeted.findings.map { "\($0.check) \($0.caseID): \($0.message)" } == [])
        #expect(budgeted.requests > plain.requests)
        #expect(!budgeted.incomplete)
        // Loose: the budget, plus the requests in flight and the clean-up after it.
        #expect(elapsed < .seconds(2 + 10))
        let summary = try #require(budgeted.notes.first { $0.hasPrefix("time budget: --max-time 2s:") })
        #expect(
            summary.hasSuffix("stopped because the time was up")
                || summary.contains("no operation gave a new distinct case"), "\(summary)")
        #expect(budgeted.notes.contains { $0.hasPrefix("time budget: GET /v2/bookings:") })
    }
}
