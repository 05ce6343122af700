/// A small seeded pseudo-random generator (SplitMix64). A value type: the same seed yields the same
/// sequence on every platform, so generated test cases are reproducible byte for byte.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed integer in `range` (no modulo bias worth caring about for test data,
    /// and independent of the standard library's algorithm so results never change across versions).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
        if span == UInt64.max { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound &+ Int(truncatingIfNeeded: next() % (span &+ 1))
    }

    /// An index into a non-empty collection of `count` elements.
    public mutating func index(_ count: Int) -> Int { int(in: 0...max(0, count - 1)) }

    /// True with probability `numerator`/`denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        int(in: 0...(denominator - 1)) < numerator
    }

    /// A derived generator for an independent stream (e.g. one per operation), keyed by a string.
    public func derived(_ key: String) -> SplitMix64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        var copy = SplitMix64(seed: state ^ h)
        _ = copy.next()
        return copy
    }
}
