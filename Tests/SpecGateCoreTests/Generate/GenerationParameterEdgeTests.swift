import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Generation: edge values in query and path parameters of valid cases")
struct GenerationParameterEdgeTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /notes/{noteId}/{slug}:
            get:
              operationId: readNote
              parameters:
                - {name: noteId, in: path, required: true, schema: {type: integer}}
                - {name: slug, in: path, required: true, schema: {type: string}}
                - {name: q, in: query, required: true, schema: {type: string}}
                - {name: short, in: query, required: true, schema: {type: string, minLength: 1, maxLength: 10}}
                - {name: page, in: query, required: true, schema: {type: integer, minimum: 1}}
                - {name: offset, in: query, required: true, schema: {type: integer}}
                - {name: tags, in: query, required: false, schema: {type: array, items: {type: string, enum: [a, b]}}}
                - {name: kind, in: query, required: true, schema: {type: string, enum: [x, y]}}
                - {name: day, in: query, required: true, schema: {type: string, format: date}}
                - {name: fixed, in: query, required: true, schema: {type: string}}
              responses: {"200": {description: ok}}
        """

    func cases(seed: UInt64) throws -> [TestCase] {
        let spec = try Fixtures.spec(text: Self.spec)
        var options = GenerationOptions(seed: seed, validCasesPerOperation: 12, includeInvalid: false)
        options.parameterValues = ["fixed": "suite"]
        return CaseGenerator(spec: spec, options: options).generateAll().flatMap(\.cases)
    }

    /// The edges a case's summary lists ("query q = \"\"").
    static func edges(_ testCase: TestCase) -> [String] {
        guard let range = testCase.summary.range(of: "edge values: ") else { return [] }
        return testCase.summary[range.upperBound...].dropLast().components(separatedBy: ", ")
    }

    @Test("edge values appear where the parameter's schema allows them, at most one per case, and are sent")
    func edges() throws {
        var seen: Set<String> = []
        for seed in UInt64(1)...10 {
            for testCase in try cases(seed: seed) {
                let edges = Self.edges(testCase).filter { $0.hasPrefix("query ") || $0.hasPrefix("path ") }
                #expect(edges.count <= 1, "\(testCase.summary)")
                for edge in edges {
                    seen.insert(edge)
                    // Never where the schema forbids it, never on suite values, enums or formatted strings.
                    #expect(
                        !edge.hasPrefix("query short"), "short has a minLength and a maxLength shorter than the text")
                    #expect(!edge.hasPrefix("query page ="), "page has a minimum")
                    #expect(
                        !edge.hasPrefix("query kind") && !edge.hasPrefix("query day") && !edge.hasPrefix("query fixed"))
                    #expect(edge != "path slug = \"\"", "no empty path segment")
                }
                let path = testCase.request.pathAndQuery
                #expect(path.contains("fixed=suite"))
                #expect(!path.contains("//"), "an empty path segment: \(path)")
                let ascii = path.unicodeScalars.allSatisfy { $0.isASCII }
                #expect(ascii, "not percent-encoded: \(path)")
                if edges.contains("query q = \"\"") { #expect(path.contains("q=&") || path.hasSuffix("q=")) }
                if edges.contains("query offset = -1") { #expect(path.contains("offset=-1")) }
                if edges.contains("query q = a 1000-character string") {
                    #expect(path.contains("q=SpecGate%20edge%20value%20"))
                }
                if edges.contains("path slug = a 200-character string") {
                    #expect(path.contains("/SpecGate-edge-value-SpecGate-edge-value-"))
                }
                if edges.contains("query tags = [] (left out)") { #expect(!path.contains("tags=")) }
                if edges.contains(where: { $0.hasPrefix("query q = \"Zo") }) {
                    // Astral characters percent-encoded as their four UTF-8 bytes.
                    #expect(path.contains("q=Zo%C3%AB%20%CE%A9%20") && path.contains("%F0%9F%98%80"))
                }
            }
        }
        for expected in [
            "query q = \"\"", "query offset = 0", "query offset = -1", "path noteId = -1",
            "query q = a 1000-character string",
            "path slug = a 200-character string",
        ] {
            #expect(seen.contains(expected), "never drawn: \(expected) in \(seen.sorted())")
        }
        #expect(seen.contains { $0.hasPrefix("path slug = \"Zo") })
    }

    @Test("an edge value the schema engine rejects is never set (short's text is longer than its maxLength)")
    func selfChecked() throws {
        let spec = try Fixtures.spec(text: Self.spec)
        let operation = try #require(spec.operations.first)
        let context = MutationContext(
            resolver: SchemaResolver(documents: spec.documents), dialect: spec.dialect, options: GenerationOptions())
        var checker = SchemaChecker(documents: spec.documents, dialect: spec.dialect, direction: .request)
        let short = try #require(operation.parameters.first { $0.name == "short" })
        #expect(
            ParameterEdgeValues(context: context).candidates(for: short, schema: try #require(short.schema)).contains(
                .string(EdgeValues.unicode)))
        var seenShort = false
        for seed in UInt64(1)...20 {
            var draft = RequestDraft(
                operation: operation,
                parameters: operation.parameters.map { p in
                    let integer = p.name == "noteId" || p.name == "page" || p.name == "offset"
                    return .init(
                        spec: p,
                        value: integer
                            ? 5
                            : p.name == "tags"
                                ? ["a"] : p.name == "kind" ? "x" : p.name == "day" ? "2024-01-02" : "text")
                })
            var rng = SplitMix64(seed: seed)
            let edgeValues = ParameterEdgeValues(context: context, limit: 20)
            let sites = edgeValues.sites(
                of: operation.parameters, generated: operation.parameters.map { $0.name != "fixed" })
            var used: Set<ParameterEdgeValues.Used> = []
            let edges = edgeValues.apply(to: &draft, sites: sites, used: &used, checker: &checker, rng: &rng)
            #expect(edges.count >= 5)
            for parameter in draft.parameters {
                guard let value = parameter.value, let schema = parameter.spec.schema else { continue }
                guard case .valid = checker.check(value, against: schema) else {
                    Issue.record("\(parameter.spec.name) = \(value) does not validate")
                    continue
                }
                if parameter.spec.name == "short", value != "text" { seenShort = true }
            }
            #expect(draft.parameters.first { $0.spec.name == "fixed" }?.value == "text")
        }
        #expect(!seenShort)
    }

    @Test("the same seed gives byte-identical parameter edge cases; the first valid cases have none")
    func deterministic() throws {
        let one = try cases(seed: 4).map { [$0.id, $0.summary, $0.request.pathAndQuery] }
        let two = try cases(seed: 4).map { [$0.id, $0.summary, $0.request.pathAndQuery] }
        #expect(one == two)
        for testCase in try cases(seed: 4).prefix(2) { #expect(Self.edges(testCase).isEmpty) }
    }

    @Test("each parameter edge value is sent once per operation; the other valid cases keep their variety")
    func edgesDoNotCrowdOutVariety() throws {
        let spec = try Fixtures.spec(
            text: """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                paths:
                  /things/{uid}/recordings:
                    get:
                      operationId: recordings
                      parameters:
                        - {name: uid, in: path, required: true, schema: {type: string}}
                      responses: {"200": {description: ok}}
                """)
        let options = GenerationOptions(
            seed: 3, maxCasesPerOperation: 100, validCasesPerOperation: 100, includeInvalid: false)
        let cases = CaseGenerator(spec: spec, options: options).generateAll().flatMap(\.cases)
        // One generated path parameter, two edge values (a long string, astral text): before, every case from
        // the third on took one of them, so de-duplication left four cases of the hundred asked for.
        #expect(cases.count >= 90)
        let edges = cases.flatMap(Self.edges)
        #expect(edges.count == Set(edges).count, "an edge value was sent twice: \(edges)")
        #expect(!edges.isEmpty)
    }
}
