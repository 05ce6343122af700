import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Check: resource_available")
struct ResourceAvailableTests {
    typealias S = CheckTestSupport

    static func label(_ kind: StateProbe.Kind = .created) -> CaseLabel {
        var label = CaseLabel(caseID: "state/getThing", expectsSuccess: true, identifiersResolved: true)
        label.stateProbe = StateProbe(
            kind: kind, priorRequest: "POST /things", priorStatus: 201, priorCurl: "curl -X POST http://h/things",
            resource: "id=7")
        return label
    }

    @Test func aReadableResourcePasses() throws {
        let op = try S.getThing()
        for status in [200, 204, 299] {
            #expect(
                try S.run(
                    ResourceAvailable(), op, Self.label(), S.response(status, body: #"{"id":7,"status":"active"}"#))
                    == [])
        }
    }

    @Test func anUnreadableResourceFailsWithBothRequests() throws {
        let op = try S.getThing()
        let violations = try #require(
            try S.run(ResourceAvailable(), op, Self.label(), S.response(404, contentType: nil)))
        #expect(violations.count == 1)
        let violation = try #require(violations.first)
        #expect(violation.expected == "2xx")
        #expect(violation.actual == "404")
        #expect(violation.message.contains("id=7, created by POST /things (answered 201)"))
        #expect(violation.message.contains("answered 404"))
        #expect(
            violation.message.contains("curl -X POST http://h/things"), "the creating request's curl is in the message")
        #expect(violation.fingerprintDetail == "created resource unreadable 404")
        // A 5xx on the read is a failure too (the resource is not available), with its own fingerprint.
        let server = try #require(try S.run(ResourceAvailable(), op, Self.label(), S.response(500, contentType: nil)))
        #expect(server.first?.fingerprintDetail == "created resource unreadable 500")
    }

    @Test func judgesOnlyTheRunsReadsAfterACreation() throws {
        let op = try S.getThing()
        // An ordinary case (no state probe), and reads after a removal or a change: not this check's.
        #expect(try S.run(ResourceAvailable(), op, S.validLabel(), S.response(404, contentType: nil)) == nil)
        #expect(
            try S.run(ResourceAvailable(), op, Self.label(.removed(terminal: nil)), S.response(404, contentType: nil))
                == nil)
        #expect(
            try S.run(ResourceAvailable(), op, Self.label(.changed(answer: .null)), S.response(404, contentType: nil))
                == nil)
    }
}
