import Testing

@testable import SpecGateCore

@Suite("Check: ignored_auth")
struct IgnoredAuthTests {
    typealias S = CheckTestSupport

    static func authLabel() -> CaseLabel {
        S.invalidLabel("missing-authorization", expectedStatuses: [401], isAuthMutation: true)
    }

    @Test func passesWhenCredentialsAreRefused() throws {
        let op = try S.getThing()
        for status in [401, 403, 500] {
            #expect(try S.run(IgnoredAuth(), op, Self.authLabel(), S.response(status)) == [])
        }
    }

    @Test func doesNotApplyToOtherCases() throws {
        let op = try S.getThing()
        #expect(try S.run(IgnoredAuth(), op, S.validLabel(), S.response(200)) == nil)
        #expect(try S.run(IgnoredAuth(), op, S.invalidLabel("body-type"), S.response(200)) == nil)
    }

    @Test func failsWhenAuthenticationIsNotEnforced() throws {
        let op = try S.getThing()
        let violations = try #require(try S.run(IgnoredAuth(), op, Self.authLabel(), S.response(200)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message == "missing-authorization: the request was accepted with 200; authentication is not enforced")
        #expect(v.expected == "401")
        #expect(v.actual == "200")
        #expect(v.fingerprintDetail == "missing-authorization accepted")
    }

    @Test func failsForAnotherRefusalThan401() throws {
        let v = try #require(try S.run(IgnoredAuth(), S.getThing(), Self.authLabel(), S.response(404))?.first)
        #expect(v.message == "missing-authorization: answered 404 instead of 401")
        #expect(v.expected == "401")
        #expect(v.actual == "404")
        #expect(v.fingerprintDetail == "missing-authorization answered 404")
    }
}
