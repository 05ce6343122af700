import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Mutations")
struct MutationTests {
    typealias S = GenerationTestSupport

    @Test func catalogNamesAreKebabCaseAndUnique() {
        let names = MutationCatalog.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 19)
        for m in MutationCatalog.all {
            #expect(m.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(m.name)")
            #expect(!m.description.isEmpty && !m.description.contains("\n"))
            #expect(MutationCatalog.named(m.name)?.name == m.name)
        }
    }

    /// A POST operation over hand-written schemas, with a required header `x-version` (enum), a typed
    /// path parameter, a bounded query parameter and a JSON body.
    static func fixture(_ bodySchema: String, extraSchemas: String = "") throws -> (APISpec, SpecGateCore.Operation) {
        let store = try S.store(
            "{\"Body\": " + bodySchema
                + ", \"Version\": {\"type\": \"string\", \"enum\": [\"2024-08-13\"]}, \"Id\": {\"type\": \"integer\"},"
                + " \"Limit\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 250}" + extraSchemas + "}")
        let src = JSONLocation(document: S.documentURI)
        let op = SpecGateCore.Operation(
            id: "createThing", operationId: "createThing", method: .post, path: "/things/{id}",
            parameters: [
                ParameterSpec(
                    name: "x-version", location: .header, required: true, schema: S.location("Version"), source: src),
                ParameterSpec(name: "id", location: .path, required: true, schema: S.location("Id"), source: src),
                ParameterSpec(
                    name: "limit", location: .query, required: true, schema: S.location("Limit"), source: src),
                ParameterSpec(name: "Authorization", location: .header, required: true, schema: nil, source: src),
            ],
            requestBody: RequestBodySpec(
                required: true,
                content: [MediaTypeSpec(mediaType: "application/json", schema: S.location("Body"), source: src)],
                source: src),
            source: src)
        let spec = APISpec(
            title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [op], documents: store,
            rootURI: S.documentURI)
        return (spec, op)
    }

    static func cases(_ bodySchema: String, extraSchemas: String = "") throws -> CaseSet {
        let (spec, op) = try fixture(bodySchema, extraSchemas: extraSchemas)
        let options = GenerationOptions(seed: 3, maxCasesPerOperation: 100, credential: S.calcomCredential)
        return CaseGenerator(spec: spec, options: options).generate(for: op)
    }

    static let richBody = #"""
        {"type": "object", "additionalProperties": false, "required": ["name", "size"],
         "properties": {"name": {"type": "string", "minLength": 2, "maxLength": 5, "pattern": "^[a-z]+$"},
                        "size": {"type": "integer", "minimum": 1, "maximum": 10},
                        "color": {"type": "string", "enum": ["red", "green"]},
                        "when": {"type": "string", "format": "date-time"}},
         "example": {"name": "abc", "size": 4, "color": "red", "when": "2030-01-01T10:00:00Z"}}
        """#

    func only(_ set: CaseSet, _ mutation: String, _ key: String) throws -> TestCase {
        try #require(
            set.invalidCases.first { $0.mutation == mutation && $0.id.hasSuffix("/" + key) }, "\(mutation)/\(key)")
    }

    @Test func eachMutationChangesOneThingWithTheRightLabel() throws {
        let set = try Self.cases(Self.richBody)
        let valid = try #require(set.validCases.first)
        #expect(valid.bodyValue == ["name": "abc", "size": 4, "color": "red", "when": "2030-01-01T10:00:00Z"])
        #expect(valid.request.header("x-version") == "2024-08-13")
        let bad = ExpectedOutcome.rejected(statuses: [400, 422])

        #expect(try only(set, "missing-required-header", "x-version").request.header("x-version") == nil)
        #expect(try only(set, "wrong-header-value", "x-version").request.header("x-version") == "1999-01-01")
        #expect(try only(set, "missing-required-property", "name").bodyValue?["name"] == nil)
        #expect(try only(set, "missing-required-property", "size").bodyValue?["size"] == nil)
        #expect(try only(set, "wrong-property-type", "size").bodyValue?["size"] == "abc")
        #expect(try only(set, "value-outside-enum", "color").bodyValue?["color"] == "specgate-not-in-enum")
        #expect(try only(set, "below-minimum", "size").bodyValue?["size"] == 0)
        #expect(try only(set, "above-maximum", "size").bodyValue?["size"] == 11)
        #expect(try only(set, "string-too-short", "name").bodyValue?["name"] == "a")
        #expect(try only(set, "string-too-long", "name").bodyValue?["name"] == "aaaaaa")
        let mismatch = try only(set, "pattern-mismatch", "name").bodyValue?["name"]?.stringValue
        #expect(mismatch == "~")
        #expect(try only(set, "format-violation", "when").bodyValue?["when"] == "not a date-time")
        #expect(
            try only(set, "additional-property", "specgateUnexpected").bodyValue?["specgateUnexpected"] == "unexpected")
        let empty = try only(set, "empty-body", "body")
        #expect(empty.request.body == [] && empty.request.header("Content-Type") == "application/json")
        let wrongType = try only(set, "wrong-content-type", "Content-Type")
        #expect(wrongType.request.header("Content-Type") == "text/plain")
        #expect(wrongType.request.body == valid.request.body)
        #expect(wrongType.expected == .rejected(statuses: [400, 415, 422]))
        #expect(try only(set, "path-parameter-wrong-type", "id").request.pathAndQuery.hasPrefix("/things/abc?"))
        #expect(try only(set, "query-parameter-wrong-type", "limit").request.pathAndQuery.hasSuffix("?limit=abc"))
        #expect(try only(set, "query-parameter-out-of-range", "limit").request.pathAndQuery.hasSuffix("?limit=251"))

        for c in set.invalidCases {
            if c.mutation?.contains("authorization") == true || c.mutation == "unknown-credential" {
                #expect(c.expected == .rejected(statuses: [401]))
            } else if c.mutation != "wrong-content-type" {
                #expect(c.expected == bad, "\(c.id)")
            }
            // Apart from the changed part, the request equals the valid one.
            if c.target?.hasPrefix("/body/") == true {
                #expect(c.request.pathAndQuery == valid.request.pathAndQuery)
                #expect(c.request.headers.map(\.name) == valid.request.headers.map(\.name))
            }
        }
    }

    @Test func mutationsWithoutAHookProduceNothing() throws {
        // A body with no constraints: no enum/bounds/length/pattern/format/closed mutations.
        let set = try Self.cases(#"{"type": "object", "properties": {"note": {"type": "string"}}}"#)
        let names = Set(set.invalidCases.compactMap(\.mutation))
        for absent in [
            "value-outside-enum", "below-minimum", "above-maximum", "string-too-short", "string-too-long",
            "pattern-mismatch", "format-violation", "additional-property", "missing-required-property",
        ] {
            #expect(!names.contains(absent), "\(absent)")
        }
        #expect(names.contains("wrong-property-type"))
        #expect(names.contains("malformed-json"))
    }

    @Test func mutantsTheSchemaAllowsAreDropped() throws {
        // `v` is a string in the first branch and an integer in the second: 12345 is not a wrong type.
        // `size` is bounded in one anyOf branch only: 11 is still allowed by the other.
        let body = #"""
            {"type": "object", "required": ["v"],
             "oneOf": [{"properties": {"v": {"type": "string"}}}, {"properties": {"v": {"type": "integer"}}}],
             "anyOf": [{"properties": {"size": {"type": "integer", "maximum": 10}}}, {"properties": {"size": {"type": "integer"}}}]}
            """#
        let set = try Self.cases(body)
        #expect(!set.validCases.isEmpty)
        let mutations = set.invalidCases.map { ($0.mutation ?? "") + "/" + ($0.target ?? "") }
        #expect(!mutations.contains("wrong-property-type//body/v"))
        #expect(!mutations.contains("above-maximum//body/size"))
        #expect(mutations.contains("wrong-property-type//body/size"))
        #expect(mutations.contains("missing-required-property//body/v"))
    }

    @Test func invalidBodiesAreRejectedByTheEngine() throws {
        let (spec, _) = try Self.fixture(Self.richBody)
        let set = try Self.cases(Self.richBody)
        var checker = SchemaChecker(documents: spec.documents, dialect: .openAPI30, direction: .request)
        for c in set.invalidCases where c.target?.hasPrefix("/body/") == true {
            let value = try #require(c.bodyValue)
            let valid = checker.isValid(value, against: S.location("Body"))
            #expect(!valid, "\(c.id)")
        }
        for c in set.validCases {
            let valid = checker.isValid(try #require(c.bodyValue), against: S.location("Body"))
            #expect(valid)
        }
    }
}
