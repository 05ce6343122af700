import SpecGateJSON
import Testing

@testable import SpecGateCore

/// The value generator works out once what does not change between values (fixed conjunctions, node
/// facts, compiled patterns); only the random choices are made per value. Warm caches must therefore
/// change nothing: a generator that has already generated for every operation gives the same drafts,
/// findings and RNG state as a fresh one.
@Suite("Generation caches")
struct GenerationCacheTests {
    typealias S = GenerationTestSupport

    @Test func warmCachesGiveTheSameDraftsAsAFreshGenerator() throws {
        let spec = try GenerationSelfCheckTests.calcomWithOverlay()
        let generator = CaseGenerator(spec: spec, options: S.calcomOptions(seed: 3))
        var warm = ValueGenerator(documents: spec.documents, dialect: spec.dialect)
        var warmUp = SplitMix64(seed: 99)
        for operation in spec.operations {
            for mode in GenerationMode.allCases {
                var ignored: [GenerationFinding] = []
                _ = generator.validDraft(operation, mode: mode, generator: &warm, rng: &warmUp, findings: &ignored)
            }
        }
        var compared = 0
        for operation in spec.operations {
            var fresh = ValueGenerator(documents: spec.documents, dialect: spec.dialect)
            for mode in GenerationMode.allCases {
                var freshRNG = SplitMix64(seed: 5).derived(operation.id + "\(mode)")
                var warmRNG = freshRNG
                var freshFindings: [GenerationFinding] = []
                var warmFindings: [GenerationFinding] = []
                let a = generator.validDraft(
                    operation, mode: mode, generator: &fresh, rng: &freshRNG, findings: &freshFindings)
                let b = generator.validDraft(
                    operation, mode: mode, generator: &warm, rng: &warmRNG, findings: &warmFindings)
                // Compared as a Bool so a failure names the operation instead of printing both drafts.
                let same = a == b
                #expect(
                    same,
                    "\(operation.id) \(mode): warm caches changed the draft: \(String(describing: a?.serialized().pathAndQuery)) vs \(String(describing: b?.serialized().pathAndQuery))"
                )
                #expect(freshFindings == warmFindings, "\(operation.id) \(mode): warm caches changed the findings")
                #expect(freshRNG == warmRNG, "\(operation.id) \(mode): warm caches changed how many draws were made")
                if a != nil { compared += 1 }
                // `fresh` is reused for the next mode: its caches are warm only for this operation.
            }
        }
        #expect(compared > 1000)
    }
}
