import Testing

@testable import SpecGateCore

@Suite("Check: max_response_time")
struct MaxResponseTimeTests {
    typealias S = CheckTestSupport

    @Test func passesWithinBudget() throws {
        let op = try S.getThing()
        let check = MaxResponseTime(budgetMilliseconds: 100)
        #expect(try S.run(check, op, S.validLabel(), S.response(200, elapsed: 42)) == [])
        // The budget itself still fits.
        #expect(try S.run(check, op, S.validLabel(), S.response(200, elapsed: 100)) == [])
    }

    @Test func failsOverBudget() throws {
        let op = try S.getThing()
        let check = MaxResponseTime(budgetMilliseconds: 100)
        let violations = try #require(
            try S.run(check, op, S.invalidLabel("body-type"), S.response(400, elapsed: 100.6)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message == "response took 101 ms in total; the budget is 100 ms")
        #expect(v.expected == "≤ 100 ms")
        #expect(v.actual == "101 ms")
        #expect(v.fingerprintDetail == "slow")
    }

    @Test func failureShowsTheKnownParts() throws {
        var response = S.response(200, elapsed: 250.4)
        response.connectMilliseconds = 3.2
        response.firstByteMilliseconds = 120
        let v = try #require(
            try S.run(MaxResponseTime(budgetMilliseconds: 200), S.getThing(), S.validLabel(), response)?.first)
        #expect(v.message == "response took 250 ms in total (connect 3 ms, first byte 120 ms); the budget is 200 ms")
        #expect(v.actual == "250 ms")
    }
}
