import Testing

@testable import SpecGateCore

@Suite("Check: content_type_conformance")
struct ContentTypeConformanceTests {
    typealias S = CheckTestSupport

    @Test func passesForDocumentedMediaType() throws {
        let op = try S.getThing()
        #expect(try S.run(ContentTypeConformance(), op, S.validLabel(), S.response(200, body: "{}")) == [])
        // Parameters do not matter.
        #expect(
            try S.run(
                ContentTypeConformance(), op, S.validLabel(),
                S.response(200, contentType: "application/json; charset=utf-8", body: "{}"))
                == [])
        #expect(
            try S.run(
                ContentTypeConformance(), op, S.validLabel(),
                S.response(404, contentType: "application/problem+json", body: "{}"))
                == [])
    }

    @Test func doesNotApplyWithoutDocumentedContent() throws {
        let spec = try S.spec()
        let delete = try S.operation(.delete, in: spec)
        #expect(
            try S.run(
                ContentTypeConformance(), delete, S.validLabel(), S.response(204, contentType: "text/html"), spec: spec)
                == nil)
        // Undocumented status: left to status_code_conformance.
        #expect(
            try S.run(ContentTypeConformance(), S.getThing(), S.validLabel(), S.response(503, contentType: "text/html"))
                == nil)
    }

    @Test func failsForUndocumentedMediaType() throws {
        let op = try S.getThing()
        let violations = try #require(
            try S.run(
                ContentTypeConformance(), op, S.validLabel(),
                S.response(200, contentType: "text/html; charset=utf-8", body: "<p>")))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(
            v.message
                == "Content-Type text/html; charset=utf-8 is not documented for status 200 (documented: application/json)"
        )
        #expect(v.expected == "application/json")
        #expect(v.actual == "text/html; charset=utf-8")
        #expect(v.fingerprintDetail == "content-type text/html for 200")
    }

    @Test func failsForBodyWithoutContentType() throws {
        let op = try S.getThing()
        let v = try #require(
            try S.run(ContentTypeConformance(), op, S.validLabel(), S.response(404, contentType: nil, body: "{}"))?
                .first)
        #expect(v.message == "response has a body but no Content-Type (documented: application/problem+json)")
        #expect(v.expected == "application/problem+json")
        #expect(v.actual == "none")
        #expect(v.fingerprintDetail == "missing content-type")
        // No body, no Content-Type: nothing to judge.
        #expect(try S.run(ContentTypeConformance(), op, S.validLabel(), S.response(404, contentType: nil)) == nil)
    }
}
