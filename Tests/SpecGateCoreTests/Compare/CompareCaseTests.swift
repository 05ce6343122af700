import SpecGateCore
import SpecGateJSON
import Testing

/// `Comparator` and `CaseComparison`: status class, verdicts per check, shapes, masking; the JSON report.
@Suite struct CompareCaseTests {
    static let specText = """
        openapi: 3.0.3
        info: {title: Compare, version: "1"}
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status, data]
                        properties:
                          status: {type: string, enum: [success]}
                          data:
                            type: object
                            required: [id]
                            properties:
                              id: {type: integer}
                              note: {type: string}
                '404':
                  description: Not found
        """

    let spec: APISpec
    let operation: SpecGateCore.Operation
    let comparator: Comparator

    init() throws {
        spec = try Fixtures.spec(text: Self.specText)
        operation = try #require(spec.operation(id: "getItem"))
        var masker = SecretMasker()
        masker.add(.init(value: "cal_live_0123456789abcdef", placeholder: "$CAL_API_KEY"))
        comparator = Comparator(
            checks: try CheckCatalog.select(names: [], budgetMilliseconds: nil),
            schemas: ResponseSchemas(spec: spec, operations: spec.operations), masker: masker,
            responseEnums: ResponseEnums(spec: spec, operations: spec.operations))
    }

    func record(status: Int, body: String, contentType: String = "application/json") -> ExchangeRecord {
        let request = PreparedRequest(
            method: .get, pathAndQuery: "/items/7",
            headers: [HeaderField(name: "Authorization", value: "Bearer cal_live_0123456789abcdef")])
        return ExchangeRecord(
            operation: operation,
            label: CaseLabel(caseID: "getItem/valid/0", expectsSuccess: true, pathParametersGenerated: true),
            url: "http://a.example/items/7", request: request,
            outcome: .response(
                ObservedResponse(
                    status: status, headers: [HeaderField(name: "Content-Type", value: contentType)],
                    body: Array(body.utf8),
                    elapsedMilliseconds: 1)))
    }

    @Test func sameShapeOtherValuesIsNoDifference() throws {
        let comparison = try #require(
            comparator.compare(
                record(status: 200, body: #"{"status":"success","data":{"id":1,"note":"x"}}"#),
                record(status: 200, body: #"{"status":"success","data":{"id":99,"note":"something else"}}"#)))
        #expect(comparison.differences.isEmpty)
        #expect(comparison.a.failingChecks.isEmpty && comparison.b.failingChecks.isEmpty)
    }

    @Test func aCheckFailingOnOneSideIsAVerdictDifferenceNamingTheCheck() throws {
        let comparison = try #require(
            comparator.compare(
                record(status: 200, body: #"{"status":"success","data":{"id":1}}"#),
                record(status: 200, body: #"{"status":"succeeded","data":{"id":1}}"#)))
        #expect(comparison.kinds == [.verdict, .shape])
        #expect(comparison.differences.first { $0.kind == .verdict }?.check == "response_schema_conformance")
        #expect(comparison.differences.contains { $0.message == "response_schema_conformance fails on B only" })
        #expect(comparison.differences.contains { $0.shape?.pointer == "/status" && $0.shape?.kind == .enumValues })
        #expect(comparison.b.failingChecks == ["response_schema_conformance"])
    }

    @Test func statusClassesFirst() throws {
        let comparison = try #require(
            comparator.compare(
                record(status: 200, body: #"{"status":"success","data":{"id":1}}"#),
                record(status: 500, body: #"{"error":"boom"}"#)))
        #expect(comparison.kinds == [.statusClass], "bodies of different status classes are not compared")
        #expect(comparison.differences.first?.message == "status class A 2xx, B 5xx")
        // Same class, other code: no status-class difference.
        let notFound = try #require(comparator.compare(record(status: 404, body: ""), record(status: 404, body: "")))
        #expect(notFound.differences.isEmpty)
    }

    @Test func transportErrorsAndMissingExchanges() throws {
        var failed = record(status: 200, body: "")
        failed.outcome = .transportError(kind: "refused", message: "connection refused")
        let comparison = try #require(
            comparator.compare(record(status: 200, body: #"{"status":"success","data":{"id":1}}"#), failed))
        #expect(comparison.differences.map(\.message) == ["status class A 2xx, B transport error"])
        let notSent = try #require(comparator.compare(failed, nil))
        #expect(notSent.b == .notSent)
        #expect(notSent.differences.map(\.message) == ["status class A transport error, B not sent"])
        #expect(comparator.compare(nil, nil) == nil)
    }

    @Test func secretsAreMaskedInCurlAndEchoedValues() throws {
        let echo = #"{"status":"cal_live_0123456789abcdef","data":{"id":1}}"#
        let comparison = try #require(
            comparator.compare(
                record(status: 200, body: #"{"status":"success","data":{"id":1}}"#), record(status: 200, body: echo)))
        let text = JSONWriter.pretty(
            ComparisonReportJSON.encode(
                ComparisonReport(
                    toolVersion: "t", suite: "s", specTitle: "Compare", baseURLA: "http://a", baseURLB: "http://b",
                    seed: 1,
                    startedAt: "2026-01-01T00:00:00Z", durationMilliseconds: 1, checks: comparator.checks.map(\.name),
                    operations: [
                        OperationComparison(
                            operationID: "getItem", name: "GET /items/{id}", cases: 1, casesByKind: [.verdict: 1])
                    ],
                    differing: [comparison], comparedCases: 1, requestsA: 1, requestsB: 1, transportErrorsA: 0,
                    transportErrorsB: 0)))
        #expect(!text.contains("cal_live_0123456789abcdef"))
        #expect(text.contains(#"\"$CAL_API_KEY\""#), "the echoed enum value is shown masked")
        #expect(comparison.curlA.contains(#"Bearer '"$CAL_API_KEY""#))
    }

    @Test func reportJSONHasAStableStructureAndExitCodes() throws {
        let comparison = try #require(
            comparator.compare(
                record(status: 200, body: #"{"status":"success","data":{"id":1}}"#),
                record(status: 200, body: #"{"status":"success","data":{"id":"1"}}"#)))
        var report = ComparisonReport(
            toolVersion: "t", suite: "s", specTitle: "Compare", baseURLA: "http://a", baseURLB: "http://b", seed: 7,
            startedAt: "2026-01-01T00:00:00Z", durationMilliseconds: 1, checks: ["response_schema_conformance"],
            operations: [
                OperationComparison(
                    operationID: "getItem", name: "GET /items/{id}", cases: 2, casesByKind: [.verdict: 1, .shape: 1])
            ],
            differing: [comparison], comparedCases: 2, requestsA: 2, requestsB: 2, transportErrorsA: 0,
            transportErrorsB: 0)
        #expect(report.exitCode == 1)
        let json = ComparisonReportJSON.encode(report)
        #expect(json["specgateCompare"]?.intValue == 1)
        #expect(json["seed"] == .string("7"))
        #expect(json["summary"]?["casesWithDifferences"]?.intValue == 1)
        #expect(json["summary"]?["casesByKind"]?["shape"]?.intValue == 1)
        #expect(json["operations"]?[0]?["casesByKind"]?["verdict"]?.intValue == 1)
        let difference = try #require(json["differences"]?[0])
        #expect(difference["operation"] == .string("getItem"))
        #expect(difference["kinds"] == .array([.string("verdict"), .string("shape")]))
        #expect(difference["b"]?["failingChecks"]?[0]?["check"] == .string("response_schema_conformance"))
        #expect(difference["differences"]?.arrayValue?.contains { $0["pointer"] == .string("/data/id") } == true)
        report.transportErrorsB = 2
        #expect(report.exitCode == 3, "an unreachable target wins over differences")
        report.transportErrorsB = 0
        report.differing = []
        #expect(report.exitCode == 0)
    }
}
