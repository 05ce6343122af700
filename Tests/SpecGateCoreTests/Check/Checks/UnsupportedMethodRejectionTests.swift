import Testing

@testable import SpecGateCore

@Suite("Check: unsupported_method")
struct UnsupportedMethodRejectionTests {
    typealias S = CheckTestSupport

    static func probe() -> CaseLabel {
        S.invalidLabel(UnsupportedMethod.mutationName, expectedStatuses: [405])
    }

    static func allow(_ values: String...) -> [HeaderField] { values.map { HeaderField(name: "Allow", value: $0) } }

    @Test func passesFor405ListingTheDocumentedMethods() throws {
        let op = try S.getThing()
        let check = UnsupportedMethodRejection()
        #expect(try S.run(check, op, Self.probe(), S.response(405, headers: Self.allow("GET, DELETE"))) == [])
        // HEAD beside GET and OPTIONS are tolerated; repeated fields combine; order does not matter.
        #expect(
            try S.run(check, op, Self.probe(), S.response(405, headers: Self.allow("DELETE,HEAD", " GET , OPTIONS")))
                == [])
    }

    @Test func doesNotApplyToOtherCasesOrServerErrors() throws {
        let op = try S.getThing()
        #expect(try S.run(UnsupportedMethodRejection(), op, S.invalidLabel("body-type"), S.response(200)) == nil)
        #expect(try S.run(UnsupportedMethodRejection(), op, S.validLabel(), S.response(200)) == nil)
        #expect(try S.run(UnsupportedMethodRejection(), op, Self.probe(), S.response(502)) == nil)
    }

    @Test func failsWhenTheMethodIsAcceptedOrAnsweredOtherwise() throws {
        let op = try S.getThing()
        let accepted = try #require(try S.run(UnsupportedMethodRejection(), op, Self.probe(), S.response(200)))
        #expect(accepted.count == 1)
        let v = try #require(accepted.first)
        #expect(v.message == "a method /things/{id} does not declare was accepted with 200")
        #expect(v.expected == "405 with Allow: GET, DELETE")
        #expect(v.actual == "200")
        #expect(v.fingerprintDetail == "undeclared method accepted")

        let notFound = try #require(try S.run(UnsupportedMethodRejection(), op, Self.probe(), S.response(404))?.first)
        #expect(
            notFound.message == "a method /things/{id} does not declare was answered 404, not 405 Method Not Allowed")
        #expect(notFound.fingerprintDetail == "undeclared method answered 404")
    }

    @Test func failsFor405WithoutAllow() throws {
        let v = try #require(
            try S.run(UnsupportedMethodRejection(), S.getThing(), Self.probe(), S.response(405))?.first)
        #expect(v.message == "405 without an Allow header (RFC 9110 §15.5.6 requires one)")
        #expect(v.expected == "405 with Allow: GET, DELETE")
        #expect(v.actual == "405, no Allow")
        #expect(v.fingerprintDetail == "405 without Allow")
    }

    @Test func failsForAllowListingWrongMethods() throws {
        let violations = try #require(
            try S.run(
                UnsupportedMethodRejection(), S.getThing(), Self.probe(),
                S.response(405, headers: Self.allow("GET, PUT, POST"))))
        #expect(violations.count == 2)
        #expect(
            violations.map(\.message) == [
                "Allow lists PUT, POST, which /things/{id} does not document",
                "Allow omits DELETE, which /things/{id} documents",
            ])
        #expect(violations.map(\.fingerprintDetail) == ["Allow lists undocumented POST,PUT", "Allow omits DELETE"])
        #expect(
            violations.allSatisfy {
                $0.actual == "Allow: GET, PUT, POST" && $0.expected == "405 with Allow: GET, DELETE"
            })
    }
}
