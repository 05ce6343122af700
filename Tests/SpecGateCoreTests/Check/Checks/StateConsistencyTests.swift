import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Check: state_consistency")
struct StateConsistencyTests {
    typealias S = CheckTestSupport

    static func label() throws -> CaseLabel {
        var label = S.validLabel()
        label.stateAssertions = [
            StateAssertion(pointer: try #require(JSONPointer("/status")), expected: .string("cancelled")),
            StateAssertion(pointer: try #require(JSONPointer("/id")), expected: .number(JSONNumber(7))),
        ]
        return label
    }

    @Test func passesWhenTheStateReadsBack() throws {
        let response = S.response(200, body: #"{"id": 7, "status": "cancelled"}"#)
        #expect(try S.run(StateConsistency(), S.getThing(), Self.label(), response) == [])
    }

    @Test func doesNotApplyWithoutAssertions() throws {
        #expect(try S.run(StateConsistency(), S.getThing(), S.validLabel(), S.response(404)) == nil)
    }

    @Test func failsWhenTheStateDiffers() throws {
        let response = S.response(200, body: #"{"status": "active"}"#)
        let violations = try #require(try S.run(StateConsistency(), S.getThing(), Self.label(), response))
        #expect(violations.count == 2)
        let status = try #require(violations.first)
        #expect(status.message == #"after the earlier workflow steps, /status is "active"; expected "cancelled""#)
        #expect(status.expected == #""cancelled""#)
        #expect(status.actual == #""active""#)
        #expect(status.instancePointer?.description == "/status")
        #expect(status.fingerprintDetail == "state /status")
        let id = try #require(violations.last)
        #expect(id.message == "after the earlier workflow steps, /id is absent; expected 7")
        #expect(id.actual == "absent")
        #expect(id.fingerprintDetail == "state /id")
    }

    @Test func failsWhenTheResourceCannotBeRead() throws {
        let unreadable = try #require(try S.run(StateConsistency(), S.getThing(), Self.label(), S.response(404))?.first)
        #expect(unreadable.message == "the resource could not be read back (status 404) to check its state")
        #expect(unreadable.expected == "2xx")
        #expect(unreadable.actual == "404")
        #expect(unreadable.fingerprintDetail == "state unreadable 404")

        let notJSON = try #require(
            try S.run(
                StateConsistency(), S.getThing(), Self.label(), S.response(200, contentType: "text/plain", body: "ok"))?
                .first)
        #expect(notJSON.message == "the response body is not JSON; its state cannot be checked")
        #expect(notJSON.fingerprintDetail == "state not JSON")
    }
}
