import Testing

@testable import SpecGateCore

@Suite("Check: status_code_conformance")
struct StatusCodeConformanceTests {
    typealias S = CheckTestSupport

    @Test func passesForExactCodeAndRange() throws {
        let op = try S.getThing()
        #expect(try S.run(StatusCodeConformance(), op, S.validLabel(), S.response(200)) == [])
        // 404 and 422 fall in the documented 4XX range.
        #expect(try S.run(StatusCodeConformance(), op, S.validLabel(), S.response(404)) == [])
        #expect(try S.run(StatusCodeConformance(), op, S.invalidLabel("body-type"), S.response(422)) == [])
    }

    @Test func failsForUndocumentedStatus() throws {
        let op = try S.getThing()
        let violations = try #require(try S.run(StatusCodeConformance(), op, S.validLabel(), S.response(201)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message == "status 201 is not documented (documented: 200, 4XX)")
        #expect(v.expected == "200, 4XX")
        #expect(v.actual == "201")
        #expect(v.fingerprintDetail == "undocumented 201")
    }

    @Test func failsForStatusOutsideTheOnlyDocumentedOne() throws {
        let spec = try S.spec()
        let delete = try S.operation(.delete, in: spec)
        #expect(
            try S.run(StatusCodeConformance(), delete, S.validLabel(), S.response(204, contentType: nil), spec: spec)
                == [])
        let v = try #require(
            try S.run(StatusCodeConformance(), delete, S.validLabel(), S.response(404), spec: spec)?.first)
        #expect(v.message == "status 404 is not documented (documented: 204)")
        #expect(v.fingerprintDetail == "undocumented 404")
    }
}
