import Testing

@testable import SpecGateCore

@Suite("Check: not_a_server_error")
struct NotAServerErrorTests {
    typealias S = CheckTestSupport

    @Test func passesBelow500() throws {
        let op = try S.getThing()
        for status in [200, 404, 499] {
            #expect(try S.run(NotAServerError(), op, S.validLabel(), S.response(status)) == [])
        }
        // Invalid cases too: the check judges every exchange.
        #expect(try S.run(NotAServerError(), op, S.invalidLabel("body-type"), S.response(422)) == [])
    }

    @Test func failsOn5xx() throws {
        let op = try S.getThing()
        let violations = try #require(try S.run(NotAServerError(), op, S.invalidLabel("body-type"), S.response(503)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message == "server error 503")
        #expect(v.expected == "a status below 500")
        #expect(v.actual == "503")
        #expect(v.fingerprintDetail == "5xx")
        // 500 is the first server error.
        #expect(
            try S.run(NotAServerError(), op, S.validLabel(), S.response(500))?.map(\.message) == ["server error 500"])
    }
}
