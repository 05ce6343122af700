import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Operation cases")
struct GenerationCaseTests {
    typealias S = GenerationTestSupport

    static func reassignCases(seed: UInt64 = 7) throws -> CaseSet {
        let spec = try S.calcomSpec()
        let operation = try #require(spec.operation(id: S.reassignID))
        return CaseGenerator(spec: spec, options: S.calcomOptions(seed: seed)).generate(for: operation)
    }

    @Test func reassignValidCaseUsesSuiteValuesAndCredential() throws {
        let set = try Self.reassignCases()
        #expect(set.findings.isEmpty)
        let valid = try #require(set.validCases.first)
        #expect(valid.id == S.reassignID + "/valid/0")
        #expect(valid.expected == .success)
        let r = valid.request
        #expect(r.method == .post)
        #expect(r.pathAndQuery.hasPrefix("/v2/bookings/"))
        #expect(r.pathAndQuery.contains("/reassign/"))
        #expect(!r.pathAndQuery.contains("{"))
        #expect(r.header("cal-api-version") == "2024-08-13")
        #expect(r.header("Authorization") == "Bearer cal_test_secret_123")
        #expect(r.header("Content-Type") == "application/json")
        // the spec's example is preferred for `reason`
        #expect(valid.bodyValue == ["reason": "Host has to take another call"])
        let userId = try #require(r.pathAndQuery.split(separator: "/").last)
        #expect(Double(userId) != nil)
    }

    @Test func reassignInvalidCasesAreLabelled() throws {
        let set = try Self.reassignCases()
        let byID = Dictionary(uniqueKeysWithValues: set.invalidCases.map { ($0.id, $0) })
        let prefix = S.reassignID + "/invalid/"

        let missingVersion = try #require(byID[prefix + "missing-required-header/cal-api-version"])
        #expect(missingVersion.request.header("cal-api-version") == nil)
        #expect(missingVersion.target == "/header/cal-api-version")
        #expect(missingVersion.expected == .rejected(statuses: [400, 422]))

        let wrongVersion = try #require(byID[prefix + "wrong-header-value/cal-api-version"])
        #expect(wrongVersion.request.header("cal-api-version") == "1999-01-01")

        let missingAuth = try #require(byID[prefix + "missing-authorization/Authorization"])
        #expect(missingAuth.request.header("Authorization") == nil)
        #expect(missingAuth.expected == .rejected(statuses: [401]))

        let malformed = try #require(byID[prefix + "malformed-authorization/Authorization"])
        #expect(malformed.request.header("Authorization") == "cal_test_secret_123")
        let unknown = try #require(byID[prefix + "unknown-credential/Authorization"])
        let forged = try #require(unknown.request.header("Authorization"))
        #expect(forged.hasPrefix("Bearer cal_") && forged != "Bearer cal_test_secret_123")
        #expect(unknown.expected == .rejected(statuses: [401]))

        let userId = try #require(byID[prefix + "path-parameter-wrong-type/userId"])
        #expect(userId.target == "/path/userId")
        #expect(userId.request.pathAndQuery.hasSuffix("/reassign/abc"))

        let reason = try #require(byID[prefix + "wrong-property-type/reason"])
        #expect(reason.target == "/body/reason")
        #expect(reason.bodyValue == ["reason": 12345])
        #expect(reason.request.body.map { String(decoding: $0, as: UTF8.self) } == #"{"reason":12345}"#)

        let json = try #require(byID[prefix + "malformed-json/body"])
        #expect(json.bodyValue == nil)
        #expect(json.request.header("Content-Type") == "application/json")
        #expect(json.request.body.map { String(decoding: $0, as: UTF8.self) } == #"{"specgate": "#)

        // Every invalid case differs from the valid request in exactly what its target names.
        #expect(set.invalidCases.allSatisfy { $0.kind == .invalid && $0.mutation != nil && $0.target != nil })
        #expect(set.invalidCases.allSatisfy { !$0.expected.accepts(200) })
        #expect(Set(set.cases.map(\.id)).count == set.cases.count)
    }

    @Test func sameSeedIdenticalDifferentSeedsDiffer() throws {
        let a = try Self.reassignCases(seed: 11)
        let b = try Self.reassignCases(seed: 11)
        #expect(a == b)
        let spec = try S.calcomSpec()
        let render = { (seed: UInt64) -> String in
            let sets = CaseGenerator(spec: spec, options: S.calcomOptions(seed: seed)).generateAll()
            let masker = SecretMasker(secrets: [.init(value: S.calcomCredential.secret, placeholder: "$CAL_API_KEY")])
            return sets.flatMap(\.cases).map { c in
                CurlCommand.render(
                    method: c.request.method, url: "https://api.cal.com" + c.request.pathAndQuery,
                    headers: c.request.headers,
                    body: c.request.body, masker: masker)
            }.joined(separator: "\n")
        }
        let first = render(5)
        #expect(first == render(5))
        #expect(first != render(6))
    }

    @Test func maxCasesCapsAndKeepsMutationVariety() throws {
        let spec = try S.calcomSpec()
        let operation = try #require(spec.operation(id: S.reassignID))
        var options = S.calcomOptions()
        options.maxCasesPerOperation = 6
        let set = CaseGenerator(spec: spec, options: options).generate(for: operation)
        #expect(set.cases.count == 6)
        #expect(Set(set.invalidCases.compactMap(\.mutation)).count == set.invalidCases.count)
    }

    @Test func noCredentialMeansNoAuthorizationAndNoAuthMutations() throws {
        let spec = try S.calcomSpec()
        let operation = try #require(spec.operation(id: S.reassignID))
        var options = S.calcomOptions()
        options.credential = nil
        let set = CaseGenerator(spec: spec, options: options).generate(for: operation)
        #expect(set.validCases.allSatisfy { $0.request.header("Authorization") == nil })
        #expect(!set.invalidCases.contains { $0.expected == .rejected(statuses: [401]) })
    }

    @Test func boundaryVariantsAreAmongValidCases() throws {
        let store = try S.store(
            #"{"Body": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 2, "maximum": 9}}}}"#
        )
        let uri = S.documentURI
        let op = SpecGateCore.Operation(
            id: "op", operationId: "op", method: .post, path: "/things",
            parameters: [
                ParameterSpec(
                    name: "limit", location: .query, required: false,
                    schema: S.location("Body").appending("properties").appending("n"),
                    source: JSONLocation(document: uri))
            ],
            requestBody: RequestBodySpec(
                required: true,
                content: [
                    MediaTypeSpec(
                        mediaType: "application/json", schema: S.location("Body"), source: JSONLocation(document: uri))
                ],
                source: JSONLocation(document: uri)),
            source: JSONLocation(document: uri))
        let spec = APISpec(
            title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [op], documents: store,
            rootURI: uri)
        let set = CaseGenerator(spec: spec, options: GenerationOptions(seed: 1, validCasesPerOperation: 4)).generate(
            for: op)
        let bodies = set.validCases.compactMap { $0.bodyValue?["n"]?.intValue }
        #expect(bodies.contains(2))
        #expect(bodies.contains(9))
        #expect(set.validCases.contains { $0.request.pathAndQuery == "/things?limit=9" })
        let below = try #require(set.invalidCases.first { $0.mutation == "below-minimum" })
        #expect(below.bodyValue?["n"] == 1)
        let outOfRange = try #require(set.invalidCases.first { $0.mutation == "query-parameter-out-of-range" })
        #expect(outOfRange.request.pathAndQuery == "/things?limit=10")
    }

    @Test func benchmarkHookCountsEveryOperation() async throws {
        let spec = try S.calcomSpec()
        let result = await GenerationBenchmark(spec: spec, options: S.calcomOptions()).run(seeds: [1])
        #expect(result.operations == spec.operations.count)
        let direct = CaseGenerator(spec: spec, options: S.calcomOptions(seed: 1)).generateAll()
        #expect(result.cases == direct.reduce(0) { $0 + $1.cases.count })
        #expect(result.description.contains("cases/s"))
        print("benchmark: \(result)")
    }
}
