import Foundation
import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Check: resource_persisted")
struct ResourcePersistedTests {
    typealias S = CheckTestSupport

    static let reassigned =
        #"{"status":"success","data":{"bookingUid":"b1","reassignedTo":{"id":103,"name":"Hal Host","email":"hal@x.example","displayEmail":"hal@x.example"}}}"#

    static func label(answer: String, operation: String = "POST /v2/bookings/{bookingUid}/reassign/{userId}") throws
        -> CaseLabel
    {
        var label = CaseLabel(caseID: "state/changed/x", expectsSuccess: true, identifiersResolved: true)
        var probe = StateProbe(
            kind: .changed(answer: try JSONParser().parse(Array(answer.utf8))),
            priorRequest: "POST /v2/bookings/b1/reassign/103",
            priorStatus: 200, priorCurl: "curl -X POST http://h/v2/bookings/b1/reassign/103", resource: "bookingUid=b1")
        probe.priorOperation = operation
        label.stateProbe = probe
        return label
    }

    static func read(host: Int, name: String, extra: String = "") -> String {
        #"{"status":"success","data":{"id":7,"uid":"b1","status":"accepted"\#(extra),"hosts":[{"id":\#(host),"name":"\#(name)","email":"\#(name.lowercased().prefix(3))@x.example","displayEmail":"\#(name.lowercased().prefix(3))@x.example","username":"u","timeZone":"UTC"}],"attendees":[{"name":"A","email":"a@x.example"}]}}"#
    }

    @Test func passesWhenTheReadShowsTheNewHost() throws {
        let op = try S.getThing()
        let violations = try S.run(
            ResourcePersisted(), op, try Self.label(answer: Self.reassigned),
            S.response(200, body: Self.read(host: 103, name: "Hal Host")))
        #expect(violations == [])
        // The comparison the run notes name: reassignedTo matched by its members to the one sibling holding them.
        let compared = try #require(
            PersistedFields.compare(
                answer: try JSONParser().parse(Array(Self.reassigned.utf8)),
                read: try JSONParser().parse(Array(Self.read(host: 103, name: "Hal Host").utf8))))
        #expect(
            compared.map(\.shown) == ["/data/reassignedTo ~ an item of /data/hosts {id, name, email, displayEmail}"])
    }

    @Test func failsWhenTheReadKeepsTheOldHost() throws {
        let op = try S.getThing()
        let violations = try #require(
            try S.run(
                ResourcePersisted(), op, try Self.label(answer: Self.reassigned),
                S.response(200, body: Self.read(host: 101, name: "Olga Owner"))))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.expected == #"{"id":103,"name":"Hal Host","email":"hal@x.example","displayEmail":"hal@x.example"}"#)
        #expect(v.actual?.contains(#""id":101"#) == true)
        #expect(v.message.contains("POST /v2/bookings/b1/reassign/103 answered 200 for bookingUid=b1"))
        #expect(v.message.contains("curl -X POST http://h/v2/bookings/b1/reassign/103"))
        #expect(v.message.contains("an item of /data/hosts"))
        #expect(
            v.fingerprintDetail == "not persisted POST /v2/bookings/{bookingUid}/reassign/{userId} /data/reassignedTo")
        // A repeated read says so; the fingerprint does not change.
        var again = try Self.label(answer: Self.reassigned)
        again.stateProbe?.rereadAfterMilliseconds = 500
        let repeated = try #require(
            try S.run(ResourcePersisted(), op, again, S.response(200, body: Self.read(host: 101, name: "Olga Owner"))))
        #expect(
            repeated.first?.message.contains("but a read right after (and again 500 ms later) answered 200") == true)
        #expect(repeated.first?.fingerprintDetail == v.fingerprintDetail)
    }

    @Test func comparesSamePointersButNotVolatileOnes() throws {
        let op = try S.getThing()
        let answer =
            #"{"status":"success","data":{"id":7,"uid":"b1","status":"rejected","updatedAt":"2026-01-01T00:00:00Z","hosts":[{"id":101}]}}"#
        let label = try Self.label(answer: answer, operation: "POST /v2/bookings/{bookingUid}/decline")
        let kept = Self.read(host: 101, name: "Olga Owner", extra: #","updatedAt":"2026-02-02T00:00:00Z""#)
        let violations = try #require(try S.run(ResourcePersisted(), op, label, S.response(200, body: kept)))
        #expect(
            violations.map(\.fingerprintDetail) == ["not persisted POST /v2/bookings/{bookingUid}/decline /data/status"]
        )
        #expect(violations.first?.expected == #""rejected""#)
        #expect(violations.first?.actual == #""accepted""#)
        #expect(violations.first?.instancePointer == JSONPointer(tokens: ["data", "status"]))
        let declined = kept.replacingOccurrences(of: #""status":"accepted""#, with: #""status":"rejected""#)
        #expect(try S.run(ResourcePersisted(), op, label, S.response(200, body: declined)) == [])
    }

    @Test func skipsAnotherResourceAndReadsThatSayNothing() throws {
        let op = try S.getThing()
        // Another resource (its id differs from the read's): nothing compared.
        let other = #"{"data":{"id":8,"uid":"b2","status":"accepted","title":"x"}}"#
        #expect(
            try S.run(
                ResourcePersisted(), op, try Self.label(answer: other),
                S.response(200, body: Self.read(host: 1, name: "N"))) == [])
        // A read that is not 2xx says nothing about persistence.
        #expect(
            try S.run(ResourcePersisted(), op, try Self.label(answer: Self.reassigned), S.response(404, body: "{}"))
                == [])
        // Only the run's automatic reads after a change are judged.
        #expect(try S.run(ResourcePersisted(), op, S.validLabel(), S.response(200, body: "{}")) == nil)
    }

    @Test func identityComesFromTheLinkPointerOrTheParameterName() throws {
        let reassign = try JSONParser().parse(Array(Self.reassigned.utf8))
        let uid = JSONPointer(tokens: ["data", "uid"])
        #expect(
            PersistedFields.identity(of: reassign, linkPointer: uid, parameter: "bookingUid", value: "b1")
                == .same(JSONPointer(tokens: ["data", "bookingUid"])))
        let rescheduled = try JSONParser().parse(Array(#"{"data":{"uid":"new","rescheduledFromUid":"b1"}}"#.utf8))
        #expect(
            PersistedFields.identity(of: rescheduled, linkPointer: uid, parameter: "bookingUid", value: "b1")
                == .other(uid, "new"))
        let attendee = try JSONParser().parse(Array(#"{"data":{"id":5,"name":"A"}}"#.utf8))
        #expect(
            PersistedFields.identity(of: attendee, linkPointer: uid, parameter: "bookingUid", value: "b1") == .unknown)
    }

    @Test func aNumberSpelledAsAStringIsTheSameValue() throws {
        // `"id": "103"` in the answer and `103` in the read: the host persisted; the wrong type is
        // response_schema_conformance's finding (the sandbox's wrong_field_type fault), not this check's.
        let op = try S.getThing()
        let stringly = Self.reassigned.replacingOccurrences(of: #""id":103"#, with: #""id":"103""#)
        #expect(stringly != Self.reassigned)
        let passing = try S.run(
            ResourcePersisted(), op, try Self.label(answer: stringly),
            S.response(200, body: Self.read(host: 103, name: "Hal Host")))
        #expect(passing == [])
        let failing = try #require(
            try S.run(
                ResourcePersisted(), op, try Self.label(answer: stringly),
                S.response(200, body: Self.read(host: 101, name: "Olga Owner"))))
        #expect(failing.count == 1)
    }
}
