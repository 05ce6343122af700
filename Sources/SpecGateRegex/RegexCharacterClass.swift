/// A set of code points as written in the pattern: a bracket class or a class escape.
public struct RegexCharacterClass: Sendable, Hashable {
    /// One member of a class.
    public enum Item: Sendable, Hashable {
        /// A code point range (a single character has `lowerBound == upperBound`).
        case range(ClosedRange<UInt32>)
        /// `\d` (ASCII digits), or `\D` when `negated`.
        case digit(negated: Bool)
        /// `\w` (ASCII `[A-Za-z0-9_]`), or `\W` when `negated`.
        case word(negated: Bool)
        /// `\s` (ECMA-262 WhiteSpace and LineTerminator), or `\S` when `negated`.
        case space(negated: Bool)
        /// `\p{...}`, or `\P{...}` when `negated`.
        case property(RegexProperty, negated: Bool)
    }

    /// The members, in pattern order.
    public var items: [Item]
    /// True for `[^...]`.
    public var negated: Bool

    /// Creates a class from its members.
    public init(items: [Item], negated: Bool) {
        self.items = items
        self.negated = negated
    }
}

extension RegexCharacterClass.Item {
    /// ECMA-262 WhiteSpace plus LineTerminator code points (what `\s` matches).
    static let spaceRanges: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]
    static let digitRanges: [ClosedRange<UInt32>] = [0x30...0x39]
    static let wordRanges: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]

    /// Sorted, merged ranges when the item is purely range based; nil for Unicode properties.
    var ranges: [ClosedRange<UInt32>]? {
        switch self {
        case .range(let range): return [range]
        case .digit(let negated): return negated ? ScalarRanges.complement(Self.digitRanges) : Self.digitRanges
        case .word(let negated): return negated ? ScalarRanges.complement(Self.wordRanges) : Self.wordRanges
        case .space(let negated): return negated ? ScalarRanges.complement(Self.spaceRanges) : Self.spaceRanges
        case .property: return nil
        }
    }
}
