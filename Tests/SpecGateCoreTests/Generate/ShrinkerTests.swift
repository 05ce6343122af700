import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Shrinker")
struct ShrinkerTests {
    static let specText = """
        openapi: 3.0.3
        info: {title: things, version: "1"}
        paths:
          /things:
            post:
              operationId: createThing
              parameters:
                - {name: verbose, in: query, schema: {type: boolean}}
                - {name: X-Trace, in: header, schema: {type: string}}
                - {name: X-Tenant, in: header, required: true, schema: {type: string}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name, kind]
                      properties:
                        name: {type: string, minLength: 2}
                        kind: {type: string, enum: [small, large]}
                        size: {type: integer, minimum: 3}
                        tags: {type: array, items: {type: string}}
                        meta: {type: object}
              responses:
                "201": {description: created}
        """

    static let body: JSONValue = [
        "name": "Widget", "kind": "large", "size": 12, "tags": ["a", "b", "c"], "meta": ["k": "v"],
    ]

    static func request(_ body: JSONValue) -> PreparedRequest {
        PreparedRequest(
            method: .post, pathAndQuery: "/things?verbose=true",
            headers: [
                HeaderField(name: "X-Tenant", value: "t1"), HeaderField(name: "X-Trace", value: "abc"),
                HeaderField(name: "Content-Type", value: "application/json"),
            ],
            body: BodyEncoder.encode(body, mediaType: "application/json").bytes)
    }

    static func shrinker(_ options: GenerationOptions = GenerationOptions()) throws -> Shrinker {
        let spec = try Fixtures.spec(text: specText)
        let operation = try #require(spec.operations.first)
        return Shrinker(operation: operation, documents: spec.documents, dialect: spec.dialect, options: options)
    }

    /// What the runner does, with a predicate standing in for "the same failure persists": greedy, first
    /// candidate that still fails is kept, a change that did not fail is not proposed again.
    static func shrink(_ shrinker: inout Shrinker, budget: Int, fails: (Shrinker.Candidate) -> Bool) -> (
        Shrinker.Candidate, Int, [String]
    ) {
        var current = Shrinker.Candidate(request: request(body), body: body, change: "")
        var resends = 0
        var rejected: Set<String> = []
        var changes: [String] = []
        var progress = true
        while progress && resends < budget {
            progress = false
            for candidate in shrinker.candidates(request: current.request, body: current.body)
            where !rejected.contains(candidate.change) {
                guard resends < budget else { break }
                resends += 1
                if fails(candidate) {
                    current = candidate
                    changes.append(candidate.change)
                    progress = true
                    break
                }
                rejected.insert(candidate.change)
            }
        }
        return (current, resends, changes)
    }

    @Test func firstCandidateDropsEverythingOptionalAndKeepsTheBodyValid() throws {
        var shrinker = try Self.shrinker()
        let candidates = shrinker.candidates(request: Self.request(Self.body), body: Self.body)
        let first = try #require(candidates.first)
        #expect(first.change == "drop everything optional")
        #expect(first.body == ["name": "Widget", "kind": "large"])
        #expect(first.request.pathAndQuery == "/things")
        #expect(first.request.headers.map(\.name) == ["X-Tenant", "Content-Type"])
        #expect(first.request.body == Array(#"{"name":"Widget","kind":"large"}"#.utf8))
        // Required properties are never dropped; a value the schema rejects is never proposed.
        #expect(!candidates.contains { $0.change == "drop /body/name" || $0.change == "drop /body/kind" })
        #expect(
            candidates.contains { $0.change == "drop query parameter verbose" && $0.request.pathAndQuery == "/things" })
        #expect(candidates.contains { $0.change == "drop header parameter X-Trace" })
        #expect(!candidates.contains { $0.change.contains("X-Tenant") })
        let size = try #require(candidates.first { $0.change == "simplify /body/size" })
        #expect(size.body?["size"] == 3)
        let kind = try #require(candidates.first { $0.change == "simplify /body/kind" })
        #expect(kind.body?["kind"] == "small")
        let name = try #require(candidates.first { $0.change == "simplify /body/name" })
        #expect(name.body?["name"] == "aa")
    }

    @Test func shrinksToTheRequiredPropertiesPlusTheCulprit() throws {
        var shrinker = try Self.shrinker()
        // The "server" fails whenever meta is present.
        let (minimal, resends, changes) = Self.shrink(&shrinker, budget: 40) { $0.body?["meta"] != nil }
        #expect(minimal.body == ["name": "aa", "kind": "small", "meta": [:]])
        #expect(minimal.request.pathAndQuery == "/things")
        #expect(resends < 40)
        // "drop everything optional" removes meta too, so it fails to fail; then one thing at a time.
        #expect(changes.prefix(2) == ["drop query parameter verbose", "drop header parameter X-Trace"])
        // Deterministic: the same inputs give the same sequence.
        var again = try Self.shrinker()
        let (second, resendsAgain, changesAgain) = Self.shrink(&again, budget: 40) { $0.body?["meta"] != nil }
        #expect(second == minimal)
        #expect(resendsAgain == resends)
        #expect(changesAgain == changes)
    }

    @Test func theBudgetBoundsTheReSends() throws {
        var shrinker = try Self.shrinker()
        let (minimal, resends, _) = Self.shrink(&shrinker, budget: 2) { _ in false }
        #expect(resends == 2)
        #expect(minimal.body == Self.body)
    }

    @Test func suiteFixedValuesAreNeitherDroppedNorSimplified() throws {
        let fixed = try #require(BodyValue(key: "size", value: 12))
        var shrinker = try Self.shrinker(GenerationOptions(bodyValues: [fixed]))
        let candidates = shrinker.candidates(request: Self.request(Self.body), body: Self.body)
        #expect(candidates.first?.body == ["name": "Widget", "kind": "large", "size": 12])
        #expect(!candidates.contains { $0.change.hasSuffix("/body/size") })
    }

    @Test func theCredentialAndFixedHeadersAreNeverDropped() throws {
        var options = GenerationOptions(fixedHeaders: [HeaderField(name: "X-Trace", value: "abc")])
        options.credential = Credential(header: "X-Tenant", scheme: nil, secret: "t1")
        var shrinker = try Self.shrinker(options)
        let candidates = shrinker.candidates(request: Self.request(Self.body), body: Self.body)
        #expect(
            candidates.allSatisfy { $0.request.header("X-Trace") == "abc" && $0.request.header("X-Tenant") == "t1" })
        #expect(candidates.contains { $0.change == "drop query parameter verbose" })
    }
}
