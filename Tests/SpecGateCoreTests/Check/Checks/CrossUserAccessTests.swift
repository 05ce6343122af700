import Testing

@testable import SpecGateCore

@Suite("Check: cross_user_access")
struct CrossUserAccessTests {
    typealias S = CheckTestSupport

    static func label(changed: Bool? = nil) -> CaseLabel {
        var probe = CrossUserProbe(
            identity: "outsider", identityCredential: "$OUTSIDER_KEY", ownerCredential: "$OWNER_KEY",
            ownerRequest: "POST /things",
            resource: "id=42")
        probe.changed = changed
        var label = S.validLabel()
        label.crossUser = probe
        return label
    }

    @Test func passesWhenAnotherIdentityIsRefused() throws {
        let op = try S.getThing()
        for status in [401, 403, 404] {
            #expect(try S.run(CrossUserAccess(), op, Self.label(), S.response(status)) == [])
        }
        #expect(try S.run(CrossUserAccess(), op, Self.label(changed: false), S.response(403)) == [])
    }

    @Test func doesNotApplyToTheOwnersRequests() throws {
        #expect(try S.run(CrossUserAccess(), S.getThing(), S.validLabel(), S.response(200)) == nil)
    }

    @Test func failsWhenAnotherIdentityGetsTheResource() throws {
        let violations = try #require(try S.run(CrossUserAccess(), S.getThing(), Self.label(), S.response(200)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(
            v.message
                == "identity outsider ($OUTSIDER_KEY) got 200 for id=42, created by the owner ($OWNER_KEY) with POST /things; another user's resource must answer 401, 403 or 404"
        )
        #expect(v.expected == "401, 403 or 404")
        #expect(v.actual == "200")
        #expect(v.fingerprintDetail == "outsider accepted")
    }

    @Test func failsWhenAnotherIdentityChangedTheResource() throws {
        // Refused, yet the owner's read afterwards differs.
        let v = try #require(
            try S.run(CrossUserAccess(), S.getThing(), Self.label(changed: true), S.response(403))?.first)
        #expect(
            v.message
                == "identity outsider ($OUTSIDER_KEY) changed id=42, created by the owner ($OWNER_KEY) with POST /things: the owner's read afterwards differs from the one before (answered 403)"
        )
        #expect(v.expected == "the resource unchanged")
        #expect(v.actual == "changed")
        #expect(v.fingerprintDetail == "outsider changed the resource")
    }
}
