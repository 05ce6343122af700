import Testing

@testable import SpecGateCore

@Suite("Check: negative_data_rejection")
struct NegativeDataRejectionTests {
    typealias S = CheckTestSupport

    @Test func passesForAny4xx() throws {
        let op = try S.getThing()
        for status in [400, 404, 422] {
            #expect(
                try S.run(
                    NegativeDataRejection(), op, S.invalidLabel("body-type", expectedStatuses: [400]),
                    S.response(status)) == [])
        }
    }

    @Test func doesNotApplyToValidAuthOrServerErrors() throws {
        let op = try S.getThing()
        #expect(try S.run(NegativeDataRejection(), op, S.validLabel(), S.response(200)) == nil)
        #expect(
            try S.run(
                NegativeDataRejection(), op, S.invalidLabel("missing-authorization", isAuthMutation: true),
                S.response(200)) == nil)
        #expect(try S.run(NegativeDataRejection(), op, S.invalidLabel("body-type"), S.response(500)) == nil)
    }

    @Test func failsWhenInvalidInputIsAccepted() throws {
        let op = try S.getThing()
        let violations = try #require(
            try S.run(NegativeDataRejection(), op, S.invalidLabel("body-type"), S.response(201)))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.message == "body-type was accepted with 201; a conforming server rejects it with 4xx")
        #expect(v.expected == "4xx")
        #expect(v.actual == "201")
        #expect(v.fingerprintDetail == "body-type accepted")

        let labelled = try #require(
            try S.run(
                NegativeDataRejection(), op, S.invalidLabel("query-limit-range", expectedStatuses: [400, 422]),
                S.response(302))?.first)
        #expect(
            labelled.message
                == "query-limit-range was accepted with 302; a conforming server rejects it with 400 or 422")
        #expect(labelled.expected == "400 or 422")
        #expect(labelled.fingerprintDetail == "query-limit-range accepted")
    }

    @Test func exactStatusesFromTheSuiteMustMatch() throws {
        let op = try S.getThing()
        let label = S.invalidLabel("body-type", expectedStatuses: [422], exactStatuses: true)
        #expect(try S.run(NegativeDataRejection(), op, label, S.response(422)) == [])
        let v = try #require(try S.run(NegativeDataRejection(), op, label, S.response(400))?.first)
        #expect(v.message == "body-type was answered 400; the suite expects 422")
        #expect(v.expected == "422")
        #expect(v.actual == "400")
        #expect(v.fingerprintDetail == "body-type answered 400")
    }
}
