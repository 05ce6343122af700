import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Overlapping oneOf detection")
struct GenerationOneOfOverlapTests {
    typealias S = GenerationTestSupport

    @Test func subsumedBranchIsReportedWithWitness() throws {
        let store = try S.store(
            #"""
            {"Input": {"oneOf": [{"$ref": "#/components/schemas/Plain"}, {"$ref": "#/components/schemas/Seated"}]},
             "Plain": {"type": "object", "required": ["start"], "properties": {"start": {"type": "string"}}},
             "Seated": {"type": "object", "required": ["start", "seatUid"], "properties": {"start": {"type": "string"}, "seatUid": {"type": "string"}}},
             "Disjoint": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
             "Tagged": {"oneOf": [
                {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["a"]}}},
                {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["b"]}}}]}}
            """#)
        var detector = OneOfOverlapDetector(documents: store, dialect: .openAPI30)
        let overlaps = detector.overlaps(in: S.location("Input"))
        let seated = try #require(overlaps.first)
        #expect(overlaps.count == 1)
        #expect(seated.first == S.location("Input").appending("oneOf").appending(1))
        #expect(seated.second == S.location("Input").appending("oneOf").appending(0))
        #expect(seated.witness["seatUid"] != nil && seated.witness["start"] != nil)
        #expect(detector.overlaps(in: S.location("Disjoint")).isEmpty)
        #expect(detector.overlaps(in: S.location("Tagged")).isEmpty)
    }

    @Test func calcomCreateBookingOneOfOverlaps() throws {
        let spec = try S.calcomSpec()
        let locations = OneOfOverlapDetector.oneOfLocations(in: spec.documents)
        let body = JSONLocation(
            document: S.calcomURI,
            pointer: JSONPointer(tokens: [
                "paths", "/v2/bookings", "post", "requestBody", "content", "application/json", "schema",
            ]))
        #expect(locations.contains(body))
        var detector = OneOfOverlapDetector(documents: spec.documents, dialect: .openAPI30)
        let overlaps = detector.overlaps(in: body)
        #expect(!overlaps.isEmpty)
        var checker = SchemaChecker(documents: spec.documents, dialect: .openAPI30, direction: .request)
        for overlap in overlaps {
            let first = checker.isValid(overlap.witness, against: overlap.first)
            let second = checker.isValid(overlap.witness, against: overlap.second)
            #expect(first && second)
        }
    }

    @Test func lintRuleReportsCreateBookingWithBranchesAndWitness() throws {
        let spec = try S.calcomSpec()
        let context = LintContext(documents: spec.documents, spec: spec, scope: .reachableFromOperations)
        let findings = OverlappingOneOfRule().check(context)
        let body = JSONPointer(tokens: [
            "paths", "/v2/bookings", "post", "requestBody", "content", "application/json", "schema",
        ])
        let create = findings.filter { $0.location.pointer == body }
        #expect(!create.isEmpty)
        for finding in findings {
            #expect(finding.rule == "overlapping-oneof")
            #expect(finding.severity == .error)
        }
        let message = try #require(create.first?.message)
        #expect(message.contains(body.description + "/oneOf/"))
        #expect(message.contains("satisfies both"))
        // The witness is compact JSON that parses.
        let start = try #require(message.firstIndex(of: "{"))
        let end = try #require(message.range(of: " satisfies both")?.lowerBound)
        #expect((try? JSONParser().parse(Array(message[start..<end].utf8))) != nil)
    }
}
