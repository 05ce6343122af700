import Testing

@testable import SpecGateCore

@Suite("Check: positive_data_acceptance")
struct PositiveDataAcceptanceTests {
    typealias S = CheckTestSupport

    @Test func passesForNon4xxAndGenerated404() throws {
        let op = try S.getThing()
        #expect(try S.run(PositiveDataAcceptance(), op, S.validLabel(), S.response(200)) == [])
        // A 5xx is not this check's concern.
        #expect(try S.run(PositiveDataAcceptance(), op, S.validLabel(), S.response(500)) == [])
        // A generated identifier need not exist.
        var generated = S.validLabel()
        generated.pathParametersGenerated = true
        #expect(try S.run(PositiveDataAcceptance(), op, generated, S.response(404)) == [])
        // A status the label allows.
        var conflict = S.validLabel()
        conflict.expectedStatuses = [200, 409]
        #expect(try S.run(PositiveDataAcceptance(), op, conflict, S.response(409)) == [])
    }

    @Test func doesNotApplyToInvalidCases() throws {
        #expect(try S.run(PositiveDataAcceptance(), S.getThing(), S.invalidLabel("body-type"), S.response(400)) == nil)
    }

    @Test func failsWhenValidRequestIsRejected() throws {
        let op = try S.getThing()
        let violations = try #require(try S.run(PositiveDataAcceptance(), op, S.validLabel(), S.response(400)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message == "a valid request was rejected with 400")
        #expect(v.expected == "2xx")
        #expect(v.actual == "400")
        #expect(v.fingerprintDetail == "valid rejected 400")

        var labelled = S.validLabel()
        labelled.expectedStatuses = [200, 409]
        #expect(try S.run(PositiveDataAcceptance(), op, labelled, S.response(422))?.first?.expected == "200 or 409")
    }

    @Test func failsOn404WhenIdentifiersAreReal() throws {
        var resolved = S.validLabel()
        resolved.identifiersResolved = true
        let v = try #require(try S.run(PositiveDataAcceptance(), S.getThing(), resolved, S.response(404))?.first)
        #expect(v.message == "a valid request was rejected with 404")
        #expect(v.fingerprintDetail == "valid rejected 404")
    }
}
