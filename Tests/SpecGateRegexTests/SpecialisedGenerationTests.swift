import SpecGateRandom
import SpecGateRegex
import Testing

/// `generateMatch` and `generateNonMatch` have entry points specialised for `SplitMix64` (the generator
/// case generation uses); they must produce exactly what the generic entry points produce for the same
/// sequence of random numbers.
@Suite("Specialised generation")
struct SpecialisedGenerationTests {
    /// Hides the concrete type, so the generic entry points are the ones called.
    struct Forwarding: RandomNumberGenerator {
        var inner: SplitMix64
        mutating func next() -> UInt64 { inner.next() }
    }

    @Test(arguments: openAPIPatterns)
    func specialisedAndGenericEntryPointsAgree(pattern: String) throws {
        let regex = try ECMARegex(pattern)
        for seed in UInt64(1)...40 {
            var concrete = SplitMix64(seed: seed)
            var generic = Forwarding(inner: SplitMix64(seed: seed))
            #expect(
                regex.generateMatch(using: &concrete, maxRepeat: 6)
                    == regex.generateMatch(using: &generic, maxRepeat: 6))
            #expect(regex.generateNonMatch(using: &concrete) == regex.generateNonMatch(using: &generic))
            #expect(concrete == generic.inner, "seed \(seed): the two paths drew a different number of values")
        }
    }
}
