import Testing

@testable import SpecGateCore

@Suite("Check: response_headers_conformance")
struct ResponseHeadersConformanceTests {
    typealias S = CheckTestSupport

    @Test func passesWhenRequiredHeaderIsPresentAndValid() throws {
        let op = try S.getThing()
        #expect(
            try S.run(
                ResponseHeadersConformance(), op, S.validLabel(),
                S.response(200, headers: [HeaderField(name: "X-Rate-Limit", value: "10")])) == [])
        // Names compare without case; the integer schema accepts the text " 0 ".
        #expect(
            try S.run(
                ResponseHeadersConformance(), op, S.validLabel(),
                S.response(200, headers: [HeaderField(name: "x-rate-limit", value: " 0 ")])) == [])
    }

    @Test func doesNotApplyWithoutDocumentedHeaders() throws {
        let op = try S.getThing()
        #expect(try S.run(ResponseHeadersConformance(), op, S.validLabel(), S.response(404)) == nil)
    }

    @Test func failsWhenRequiredHeaderIsMissing() throws {
        let op = try S.getThing()
        let violations = try #require(try S.run(ResponseHeadersConformance(), op, S.validLabel(), S.response(200)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message == "required header X-Rate-Limit is missing (status 200)")
        #expect(v.expected == "X-Rate-Limit present")
        #expect(v.actual == "absent")
        #expect(v.fingerprintDetail == "missing header x-rate-limit")
        #expect(v.schemaLocation == op.response(for: 200)?.headers.first?.source)
    }

    @Test func failsWhenHeaderValueDoesNotMatchItsSchema() throws {
        let op = try S.getThing()
        let location = try #require(op.response(for: 200)?.headers.first?.schema)
        for value in ["-1", "ten"] {
            let violations = try #require(
                try S.run(
                    ResponseHeadersConformance(), op, S.validLabel(),
                    S.response(200, headers: [HeaderField(name: "X-Rate-Limit", value: value)])))
            #expect(violations.count == 1)
            let v = try #require(violations.first)
            #expect(v.message.hasPrefix("header X-Rate-Limit: \"\(value)\" does not match its schema ("))
            #expect(v.expected == "a value valid against \(location)")
            #expect(v.actual == value)
            #expect(v.schemaLocation == location)
            #expect(v.fingerprintDetail == "invalid header x-rate-limit")
        }
    }
}
