import Foundation
import SpecGateJSON
import Testing

@testable import SpecGateSchema

/// The official JSON-Schema-Test-Suite (draft 4 and 2020-12). Required tests gate against
/// `Resources/conformance-exclusions.json`; optional tests are reported only.
@Suite struct ConformanceSuiteTests {
    struct Exclusions {
        var recorded: [String: Int]
        var knownFailures: [String: String]
    }

    static func exclusions() throws -> Exclusions {
        let document = try SuiteRunner.parse(
            SuiteRunner.resources.appendingPathComponent("conformance-exclusions.json"))
        var recorded: [String: Int] = [:]
        for (draft, count) in document["recordedPassCounts"]?.objectValue ?? JSONObject() {
            recorded[draft] = count.intValue ?? 0
        }
        var known: [String: String] = [:]
        for entry in document["knownFailures"]?.arrayValue ?? [] {
            if let id = entry["id"]?.stringValue { known[id] = entry["reason"]?.stringValue ?? "" }
        }
        return Exclusions(recorded: recorded, knownFailures: known)
    }

    @Test func officialSuite() throws {
        try #require(SuiteRunner.reference != nil, "json-schema-test-suite not found next to the package")
        let exclusions = try Self.exclusions()
        for (draft, dialect) in [("draft2020-12", SchemaDialect.draft2020_12), ("draft4", .draft4)] {
            let required = try SuiteRunner.run(draft: draft, dialect: dialect, optional: false)
            print("JSON-Schema-Test-Suite \(draft): \(required.passed)/\(required.total) passed")
            let optional = try SuiteRunner.run(draft: draft, dialect: dialect, optional: true)
            print("JSON-Schema-Test-Suite \(draft) optional: \(optional.passed)/\(optional.total) passed (not gating)")
            for (id, why) in required.failures.sorted(by: { $0.key < $1.key }) where exclusions.knownFailures[id] == nil
            {
                Issue.record("unexpected failure: \(id) (\(why))")
            }
            let recorded = exclusions.recorded[draft] ?? 0
            #expect(required.passed >= recorded, "\(draft): \(required.passed) passed, below the recorded \(recorded)")
            #expect(required.total > 0)
            #expect(required.disagreements.isEmpty, "isValid and validate disagree: \(required.disagreements)")
            #expect(optional.disagreements.isEmpty, "isValid and validate disagree: \(optional.disagreements)")
        }
    }
}
