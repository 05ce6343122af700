/// A compiled character class: an ASCII bitmap plus sorted ranges and property tests for the rest.
struct ScalarSet: Sendable {
    /// Membership of code points 0..<64 and 64..<128 (negation already applied).
    private(set) var asciiLow: UInt64 = 0
    private(set) var asciiHigh: UInt64 = 0
    /// Non-negated member ranges (may include ASCII; only consulted for non-ASCII code points).
    private(set) var ranges: [ClosedRange<UInt32>]
    /// Unicode property tests, each possibly negated.
    private(set) var properties: [(property: RegexProperty, negated: Bool)]
    /// True when the set is the complement of `ranges` ∪ `properties`.
    private(set) var negated: Bool

    init(_ characterClass: RegexCharacterClass) {
        var ranges: [ClosedRange<UInt32>] = []
        var properties: [(property: RegexProperty, negated: Bool)] = []
        for item in characterClass.items {
            if let itemRanges = item.ranges {
                ranges.append(contentsOf: itemRanges)
            } else if case .property(let property, let negated) = item {
                properties.append((property, negated))
            }
        }
        self.ranges = ScalarRanges.normalize(ranges)
        self.properties = properties
        self.negated = characterClass.negated
        for value in UInt32(0)..<128 where slowContains(value) {
            if value < 64 { asciiLow |= 1 << UInt64(value) } else { asciiHigh |= 1 << UInt64(value - 64) }
        }
    }

    /// Whether code point `value` is in the set.
    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
        return slowContains(value)
    }

    private func slowContains(_ value: UInt32) -> Bool {
        var found = ScalarRanges.contains(ranges, value)
        if !found {
            for test in properties where test.property.contains(value) != test.negated {
                found = true
                break
            }
        }
        return found != negated
    }

    /// The ASCII members, ascending.
    var asciiMembers: [UInt32] { (UInt32(0)..<128).filter { contains($0) } }
}
