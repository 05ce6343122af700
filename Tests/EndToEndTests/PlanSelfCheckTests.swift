import Foundation
import SpecGateJSON
import SpecGateRunner
import Testing

@testable import SpecGateCore

/// Generation self-check on the Cal.com document as the suite loads it (overlay applied, with its
/// oneOf repairs), over every operation (`fullSpec`) and 20 seeds: every
/// valid parameter and body the generator produces must pass the schema engine, and whatever cannot
/// be generated must be an explicit finding.
@Suite("Plan self-check")
struct PlanSelfCheckTests {
    static var root: String { PlanTests.root.path }

    static func calcomSpec() throws -> APISpec {
        try Workspace.load(path: root + "/specs/calcom/suite.yaml").fullSpec
    }

    @Test func everyGeneratedValueValidates() throws {
        let spec = try Self.calcomSpec()
        #expect(spec.operations.count == 285)
        var checker = SchemaChecker(documents: spec.documents, dialect: spec.dialect, direction: .request)
        var unsatisfied: [String] = []
        var bodies = 0
        let credential = Credential(secret: "cal_selfcheck", envVar: "CAL_API_KEY", prefix: "cal_")
        for seed in UInt64(1)...20 {
            let options = GenerationOptions(seed: seed, fixedHeaders: [("cal-api-version", "2024-08-13")], credential: credential)
            let generator = CaseGenerator(spec: spec, options: options)
            var values = ValueGenerator(documents: spec.documents, dialect: spec.dialect)
            var rng = SplitMix64(seed: seed)
            for operation in spec.operations {
                for mode in GenerationMode.allCases {
                    var findings: [GenerationFinding] = []
                    let draft = generator.validDraft(operation, mode: mode, generator: &values, rng: &rng, findings: &findings)
                    for f in findings where !unsatisfied.contains(f.location.pointer.description) {
                        unsatisfied.append(f.location.pointer.description)
                    }
                    if draft == nil { #expect(!findings.isEmpty, "\(operation.id): no valid request and no finding") }
                    guard let draft else { continue }
                    for p in draft.parameters where !p.isCredential {
                        guard let value = p.value, let schema = p.spec.schema else { continue }
                        let outcome = checker.check(value, against: schema)
                        #expect(outcome == .valid, "\(operation.id) seed \(seed) \(mode) \(p.spec.name) = \(value): \(outcome)")
                    }
                    if let body = draft.body, let value = body.value, let schema = body.schema {
                        bodies += 1
                        let outcome = checker.check(value, against: schema)
                        #expect(outcome == .valid, "\(operation.id) seed \(seed) \(mode) body: \(outcome)")
                    }
                }
            }
        }
        #expect(bodies > 1000)
        // The repaired Bookings bodies are satisfiable now.
        #expect(!unsatisfied.contains { $0.hasPrefix("/paths/~1v2~1bookings") })
        for pointer in unsatisfied.sorted() { print("self-check: unsatisfiable \(pointer)") }
    }
}
