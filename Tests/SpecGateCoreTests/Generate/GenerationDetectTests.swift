import SpecGateJSON
import Testing

@testable import SpecGateCore

/// Issue #16 generation: array query items, optional headers, every example, method probes.
@Suite("Generation: more defects found with nothing written by hand")
struct GenerationDetectTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: status, in: query, style: form, explode: false, schema: {type: array, items: {type: string, enum: [upcoming, past]}}}
                - {name: ids, in: query, schema: {type: array, items: {type: integer}}}
                - {name: X-Page-Size, in: header, schema: {type: integer, minimum: 1, maximum: 100}}
                - {name: X-Mode, in: header, schema: {type: string, enum: [fast, slow]}}
                - {name: X-Client-Id, in: header, schema: {type: string}}
                - name: tag
                  in: query
                  required: true
                  schema: {type: string}
                  examples: {one: {value: red}, two: {value: green}, three: {value: blue}}
              responses: {"200": {description: ok}}
            post:
              operationId: createItem
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string, examples: [alpha, beta, gamma]}
              responses: {"201": {description: ok}}
        """

    func cases(_ options: GenerationOptions = GenerationOptions()) throws -> [TestCase] {
        let spec = try Fixtures.spec(text: Self.spec)
        return CaseGenerator(spec: spec, options: options).generateAll().flatMap(\.cases)
    }

    @Test("an array query parameter gets a valid item and an invalid one, serialised per style/explode")
    func arrayItems() throws {
        let all = try cases()
        let status = all.first { $0.mutation == "query-array-item-invalid" && $0.target == "/query/status" }
        #expect(
            status?.request.pathAndQuery.contains("status=upcoming,specgate-not-in-enum") == true,
            "\(status?.request.pathAndQuery ?? "none")")
        #expect(status?.expected == .rejected(statuses: [400, 422]))
    }

    @Test("optional headers: typed or enumerated ones sometimes sent valid, never a free string; invalid ones mutated")
    func optionalHeaders() throws {
        var options = GenerationOptions()
        options.validCasesPerOperation = 6
        let all = try cases(options).filter { $0.operationID == "listItems" || $0.operationID.hasSuffix("listItems") }
        let valid = all.filter { $0.kind == .valid }
        let sent = valid.flatMap { $0.request.headers.map(\.name) }
        #expect(sent.contains("X-Page-Size"))
        #expect(sent.contains("X-Mode"))
        #expect(!sent.contains("X-Client-Id"), "an unconstrained string header is not made up")
        let invalid = all.filter { $0.mutation == "optional-header-invalid" }
        #expect(invalid.compactMap(\.target).sorted() == ["/header/X-Mode", "/header/X-Page-Size"])
    }

    @Test("every example of a parameter and of a schema is sent once in the first valid cases")
    func examples() throws {
        let all = try cases()
        let tags = all.filter { $0.kind == .valid && $0.operationID.hasSuffix("listItems") }.map(\.request.pathAndQuery)
        for tag in ["red", "green", "blue"] { #expect(tags.contains { $0.contains("tag=" + tag) }, "\(tags)") }
        let names = all.filter { $0.kind == .valid && $0.operationID.hasSuffix("createItem") }.compactMap {
            $0.bodyValue?["name"]
        }
        for name in ["alpha", "beta", "gamma"] { #expect(names.contains(.string(name)), "\(names)") }
    }

    @Test("the method probe: only on chosen operations, an undeclared method, no body")
    func methodProbe() throws {
        #expect(
            try cases().allSatisfy { $0.mutation != "unsupported-method" }, "off unless the run chooses the operation")
        var options = GenerationOptions()
        let spec = try Fixtures.spec(text: Self.spec)
        let create = try #require(spec.operations.first { $0.operationId == "createItem" })
        options.methodProbeOperations = [create.id]
        let probes = CaseGenerator(spec: spec, options: options).generateAll().flatMap(\.cases).filter {
            $0.mutation == "unsupported-method"
        }
        #expect(probes.count == 1)
        #expect(probes.first?.request.method == .put)
        #expect(probes.first?.request.body == nil)
        #expect(probes.first?.expected == .rejected(statuses: [405]))
        options.safeMethodProbesOnly = true
        #expect(
            CaseGenerator(spec: spec, options: options).generateAll().flatMap(\.cases).allSatisfy {
                $0.mutation != "unsupported-method"
            })
    }
}

@Suite("Generation: edge values in valid cases")
struct GenerationEdgeValueTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /notes:
            post:
              operationId: createNote
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [text]
                      properties:
                        text: {type: string}
                        title: {type: string, maxLength: 20}
                        score: {type: integer}
                        rank: {type: integer, minimum: 1}
                        tags: {type: array, items: {type: string}}
                        note: {type: string, nullable: true}
                        fixed: {type: integer}
              responses: {"201": {description: ok}}
        """

    func cases(seed: UInt64) throws -> [TestCase] {
        let spec = try Fixtures.spec(text: Self.spec)
        var options = GenerationOptions(seed: seed, validCasesPerOperation: 8, includeInvalid: false)
        options.bodyValues = [
            BodyValue(operation: nil, pointer: JSONPointer(tokens: ["fixed"]), byName: true, value: 7)
        ]
        return CaseGenerator(spec: spec, options: options).generateAll().flatMap(\.cases)
    }

    @Test("edge values appear where the schema allows them, at most two per case, never on fixed values, all valid")
    func edges() throws {
        var seen: Set<String> = []
        for seed in UInt64(1)...8 {
            for testCase in try cases(seed: seed) {
                let marker = "edge values: "
                guard let range = testCase.summary.range(of: marker) else { continue }
                let edges = testCase.summary[range.upperBound...].dropLast().components(separatedBy: ", /")
                #expect(edges.count <= 2, "\(testCase.summary)")
                #expect(!testCase.summary.contains("/fixed"))
                #expect(
                    !testCase.summary.contains("/rank = 0") && !testCase.summary.contains("/rank = -1"),
                    "rank has a minimum")
                #expect(!testCase.summary.contains("/title = a 1200"), "title has a maxLength")
                #expect(testCase.bodyValue?["fixed"] == 7)
                for edge in edges {
                    seen.insert(String(edge.split(separator: "=").first ?? "").trimmingCharacters(in: .whitespaces))
                }
            }
        }
        #expect(seen.count >= 4, "\(seen)")
    }

    @Test("the same seed gives byte-identical edge cases")
    func deterministic() throws {
        let one = try cases(seed: 3).map {
            [$0.id, $0.summary, $0.request.pathAndQuery, String(decoding: $0.request.body ?? [], as: UTF8.self)]
        }
        let two = try cases(seed: 3).map {
            [$0.id, $0.summary, $0.request.pathAndQuery, String(decoding: $0.request.body ?? [], as: UTF8.self)]
        }
        #expect(one == two)
    }
}
