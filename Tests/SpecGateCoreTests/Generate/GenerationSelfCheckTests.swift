import SpecGateJSON
import Testing

@testable import SpecGateCore

/// Every valid value generated for the Cal.com document, over many seeds and every mode, is valid
/// according to the schema engine; what cannot be generated is an explicit finding.
@Suite("Generation self-check")
struct GenerationSelfCheckTests {
    typealias S = GenerationTestSupport

    /// Runs the self-check over `spec`: returns the findings (deduplicated by schema) and records an
    /// issue for every generated value the engine rejects.
    static func selfCheck(_ spec: APISpec, seeds: ClosedRange<UInt64>) -> [String] {
        var checker = SchemaChecker(documents: spec.documents, dialect: spec.dialect, direction: .request)
        var unsatisfied: [String] = []
        var generatedBodies = 0
        for seed in seeds {
            let generator = CaseGenerator(spec: spec, options: S.calcomOptions(seed: seed))
            var values = ValueGenerator(documents: spec.documents, dialect: spec.dialect)
            var rng = SplitMix64(seed: seed)
            for operation in spec.operations {
                for mode in GenerationMode.allCases {
                    var findings: [GenerationFinding] = []
                    let draft = generator.validDraft(
                        operation, mode: mode, generator: &values, rng: &rng, findings: &findings)
                    for f in findings where !unsatisfied.contains(f.location.pointer.description) {
                        unsatisfied.append(f.location.pointer.description)
                    }
                    // An operation without a draft must say why.
                    if draft == nil { #expect(!findings.isEmpty, "\(operation.id): no valid request and no finding") }
                    guard let draft else { continue }
                    for p in draft.parameters where !p.isCredential {
                        guard let value = p.value, let schema = p.spec.schema else { continue }
                        let outcome = checker.check(value, against: schema)
                        #expect(
                            outcome == .valid,
                            "\(operation.id) seed \(seed) \(mode) parameter \(p.spec.name) = \(value): \(outcome)")
                    }
                    if let body = draft.body, let value = body.value, let schema = body.schema {
                        generatedBodies += 1
                        let outcome = checker.check(value, against: schema)
                        #expect(outcome == .valid, "\(operation.id) seed \(seed) \(mode) body \(value): \(outcome)")
                    }
                }
            }
        }
        #expect(generatedBodies > 0)
        return unsatisfied.sorted()
    }

    /// The Cal.com document as its suite loads it: the real loader over every operation, with
    /// `specs/calcom/overlay.yaml` applied (its oneOf repairs make the Bookings bodies satisfiable).
    static func calcomWithOverlay() throws -> APISpec {
        let specURI = Fixtures.repositoryURI("specs/calcom/openapi-v2.json")
        let overlayURI = Fixtures.repositoryURI("specs/calcom/overlay.yaml")
        let raw = try DocumentSetLoader(provider: DiskProvider()).load(rootURI: specURI)
        let overlay = try Overlay(
            parsing: DocumentParser.parse(Fixtures.bytes(ofURI: overlayURI), uri: overlayURI), uri: overlayURI)
        let (patched, _) = try OverlayEngine.apply(overlay, to: raw.root)
        let provider = MemoryProvider(files: [specURI: String(decoding: JSONWriter().bytes(patched), as: UTF8.self)])
        return try OpenAPIModelBuilder.build(DocumentSetLoader(provider: provider).load(rootURI: specURI))
    }

    @Test func calcomDocumentWithItsOverlay() throws {
        let spec = try Self.calcomWithOverlay()
        #expect(spec.operations.count == 285)
        let unsatisfied = Self.selfCheck(spec, seeds: 1...20)
        #expect(!unsatisfied.contains { $0.hasPrefix("/paths/~1v2~1bookings") })
        for pointer in unsatisfied { print("unsatisfiable with the overlay: \(pointer)") }
    }

    @Test func calcomDocumentAsWritten() throws {
        let spec = try S.calcomSpec()
        let unsatisfied = Self.selfCheck(spec, seeds: 1...20)
        // The create-booking body is an overlapping oneOf: without the overlay it cannot be satisfied.
        #expect(unsatisfied.contains("/paths/~1v2~1bookings/post/requestBody/content/application~1json/schema"))
        for pointer in unsatisfied { print("unsatisfiable: \(pointer)") }
    }
}
