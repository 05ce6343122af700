import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Check: use_after_delete")
struct UseAfterDeleteTests {
    typealias S = CheckTestSupport

    static let cancelled = StateAssertion(pointer: JSONPointer(tokens: ["status"]), expected: .string("cancelled"))

    static func label(terminal: StateAssertion? = nil, prior: String = "DELETE /things/7") -> CaseLabel {
        var label = CaseLabel(caseID: "state/getThing", expectsSuccess: true, identifiersResolved: true)
        label.stateProbe = StateProbe(
            kind: .removed(terminal: terminal), priorRequest: prior, priorStatus: terminal == nil ? 204 : 200,
            priorCurl: "curl -X \(prior.split(separator: " ")[0]) http://h/things/7", resource: "id=7")
        return label
    }

    @Test func afterADeleteTheReadAnswers404Or410() throws {
        let op = try S.getThing()
        for status in [404, 410] {
            #expect(try S.run(UseAfterDelete(), op, Self.label(), S.response(status, contentType: nil)) == [])
        }
    }

    @Test func aDeletedResourceStillReadableFails() throws {
        let op = try S.getThing()
        let violations = try #require(
            try S.run(UseAfterDelete(), op, Self.label(), S.response(200, body: #"{"id":7,"status":"active"}"#)))
        let violation = try #require(violations.first)
        #expect(violations.count == 1)
        #expect(violation.expected == "404 or 410")
        #expect(violation.actual == "200")
        #expect(violation.message.contains("id=7 was removed by DELETE /things/7 (answered 204)"))
        #expect(violation.message.contains("curl -X DELETE http://h/things/7"))
        #expect(violation.fingerprintDetail == "deleted resource readable")
    }

    @Test func answersThatSayNothingAboutTheDeletionPass() throws {
        let op = try S.getThing()
        // 401, 429 or a 5xx on the read do not show the resource: other checks judge those.
        for status in [401, 429, 500, 503] {
            #expect(try S.run(UseAfterDelete(), op, Self.label(), S.response(status, contentType: nil)) == [])
        }
    }

    @Test func afterACancelTheReadShowsTheTerminalStatus() throws {
        let op = try S.getThing()
        let label = Self.label(terminal: Self.cancelled, prior: "POST /things/7/cancel")
        #expect(try S.run(UseAfterDelete(), op, label, S.response(200, body: #"{"id":7,"status":"cancelled"}"#)) == [])
        #expect(try S.run(UseAfterDelete(), op, label, S.response(404, contentType: nil)) == [])
        let violations = try #require(
            try S.run(UseAfterDelete(), op, label, S.response(200, body: #"{"id":7,"status":"active"}"#)))
        let violation = try #require(violations.first)
        #expect(violation.expected == #""cancelled""#)
        #expect(violation.actual == #""active""#)
        #expect(violation.instancePointer == JSONPointer(tokens: ["status"]))
        #expect(violation.message.contains("a read right after answered 200 with /status = \"active\""))
        #expect(violation.fingerprintDetail == "ended resource /status")
    }

    @Test func aCancelledResourceWithoutItsStatusOrJSONFails() throws {
        let op = try S.getThing()
        let label = Self.label(terminal: Self.cancelled, prior: "POST /things/7/cancel")
        let absent = try #require(try S.run(UseAfterDelete(), op, label, S.response(200, body: #"{"id":7}"#)))
        #expect(absent.first?.actual == "absent")
        let notJSON = try #require(
            try S.run(UseAfterDelete(), op, label, S.response(200, contentType: "text/plain", body: "ok")))
        #expect(notJSON.first?.actual == "not JSON")
        #expect(notJSON.first?.fingerprintDetail == "ended resource not JSON")
    }

    @Test func judgesOnlyTheRunsReadsAfterARemoval() throws {
        let op = try S.getThing()
        #expect(
            try S.run(UseAfterDelete(), op, S.validLabel(), S.response(200, body: #"{"id":7,"status":"active"}"#))
                == nil)
        var created = Self.label()
        created.stateProbe?.kind = .created
        #expect(try S.run(UseAfterDelete(), op, created, S.response(200, body: #"{"id":7,"status":"active"}"#)) == nil)
    }
}
