import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Check: response_schema_conformance")
struct ResponseSchemaConformanceTests {
    typealias S = CheckTestSupport

    @Test func passesForValidBody() throws {
        let op = try S.getThing()
        let body = #"{"id": 7, "status": "cancelled", "tags": ["a"]}"#
        #expect(try S.run(ResponseSchemaConformance(), op, S.validLabel(), S.response(200, body: body)) == [])
    }

    @Test func doesNotApplyToTruncatedOrNonJSONBodies() throws {
        let op = try S.getThing()
        var truncated = S.response(200, body: #"{"id": "#)
        truncated.bodyTruncated = true
        #expect(try S.run(ResponseSchemaConformance(), op, S.validLabel(), truncated) == nil)
        // A media type the response does not document: left to content_type_conformance.
        #expect(
            try S.run(
                ResponseSchemaConformance(), op, S.validLabel(), S.response(200, contentType: "text/html", body: "<p>"))
                == nil)
        #expect(try S.run(ResponseSchemaConformance(), op, S.validLabel(), S.response(503, body: "{")) == nil)
    }

    @Test func failsForBodyViolatingTheSchema() throws {
        let op = try S.getThing()
        let body = #"{"id": "seven", "status": "gone", "tags": ["a", 2]}"#
        let violations = try #require(
            try S.run(ResponseSchemaConformance(), op, S.validLabel(), S.response(200, body: body)))
        let byPointer = Dictionary(
            violations.map { ($0.instancePointer?.description ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(byPointer.keys) == ["/id", "/status", "/tags/1"])

        let id = try #require(byPointer["/id"])
        let idSchema = try #require(id.schemaLocation)
        #expect(id.actual == #""seven""#)
        #expect(id.expected == "valid against \(idSchema)")
        #expect(id.fingerprintDetail == "/id type \(idSchema)")

        let status = try #require(byPointer["/status"])
        #expect(status.actual == #""gone""#)
        #expect(status.fingerprintDetail.hasPrefix("/status enum "))

        // Array indices are replaced by `*` in the fingerprint, so every bad element is one finding.
        let tag = try #require(byPointer["/tags/1"])
        #expect(tag.actual == "2")
        #expect(tag.fingerprintDetail.hasPrefix("/tags/* type "))
    }

    @Test func failsForMalformedJSON() throws {
        let op = try S.getThing()
        let violations = try #require(
            try S.run(ResponseSchemaConformance(), op, S.validLabel(), S.response(200, body: #"{"id": 1,"#)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message.hasPrefix("body is not valid JSON ("))
        #expect(v.actual == "malformed JSON")
        #expect(v.fingerprintDetail == "malformed json")
        let location = try #require(op.response(for: 200)?.content.first?.schema)
        #expect(v.expected == "JSON matching \(location)")
        #expect(v.schemaLocation == location)
    }

    @Test func capsViolationsPerResponse() throws {
        let op = try S.getThing()
        let body = #"{"id": "x", "status": 1, "tags": [1, 2, 3]}"#
        let violations = try #require(
            try S.run(
                ResponseSchemaConformance(maxViolationsPerResponse: 2), op, S.validLabel(), S.response(200, body: body))
        )
        #expect(violations.count == 3)
        let all = try #require(try S.run(ResponseSchemaConformance(), op, S.validLabel(), S.response(200, body: body)))
        #expect(all.count > 3)
        #expect(violations.last?.message == "\(all.count - 2) more schema violations in this response")
        #expect(Array(violations.prefix(2)) == Array(all.prefix(2)))
        #expect(violations.last?.fingerprintDetail == "more violations")
    }
}
