/// Produces strings that a pattern matches (and, by mutation, strings it does not), from a caller's RNG.
///
/// Generation walks the tree choosing alternatives and repetition counts; every candidate is verified with
/// the matcher, so lookarounds, anchors in odd places and backreferences are handled by retrying.
struct RegexGenerator {
    let regex: ECMARegex
    /// Extra iterations allowed beyond a quantifier's minimum.
    let maxRepeat: Int

    init(regex: ECMARegex, maxRepeat: Int) {
        self.regex = regex
        self.maxRepeat = maxRepeat
    }

    /// Longest candidate built before an attempt is abandoned.
    private static let maxLength = 10_000
    private static let verifyBudget = 1_000_000

    // MARK: Matching strings

    func generateMatch<R: RandomNumberGenerator>(using rng: inout R) -> String? {
        let tree = regex.palette.tree
        for _ in 0..<regex.palette.attempts {
            var attempt = Attempt(captures: Array(repeating: nil, count: regex.captureCount + 1))
            guard generate(tree, &attempt, &rng), attempt.endAnchor.map({ $0 == attempt.output.count }) ?? true,
                let string = Self.string(attempt.output)
            else { continue }
            // A pattern generation honours exactly needs no second look (GenerationTests holds every pattern
            // of its list to matching, exact or not); the others are verified by the matcher.
            if regex.palette.exact || regex.search(in: string, stepBudget: Self.verifyBudget) == .matched {
                return string
            }
        }
        return nil
    }

    private struct Attempt {
        var output: [UInt32] = []
        var captures: [[UInt32]?]
        /// Output length at a `$`; the attempt fails if anything is appended after it.
        var endAnchor: Int?
        /// A `^` was generated, so nothing may be prepended.
        var startAnchor = false
    }

    private func generate<R: RandomNumberGenerator>(_ node: GenerationNode, _ attempt: inout Attempt, _ rng: inout R)
        -> Bool
    {
        if attempt.output.count > Self.maxLength { return false }
        switch node {
        case .lookaround(let inner, true, false) where attempt.output.isEmpty && !attempt.startAnchor:
            // A positive lookbehind at the very start: supply its context as a prefix.
            return generate(inner, &attempt, &rng)
        case .empty, .lookaround:
            return true
        case .literal(let value):
            attempt.output.append(value)
            return true
        case .anyExceptLineTerminator:
            attempt.output.append(Self.naturalCharacter(&rng))
            return true
        case .characterClass(let members):
            guard let value = Self.pick(from: members, &rng) else { return false }
            attempt.output.append(value)
            return true
        case .sequence(let nodes):
            for child in nodes where !generate(child, &attempt, &rng) { return false }
            return true
        case .alternation(let nodes):
            return generate(nodes[Int.random(in: 0..<nodes.count, using: &rng)], &attempt, &rng)
        case .group(let inner, let index):
            let start = attempt.output.count
            guard generate(inner, &attempt, &rng) else { return false }
            if let index { attempt.captures[index] = Array(attempt.output[start...]) }
            return true
        case .repetition(let inner, let min, let max):
            let cap = min > Int.max - maxRepeat ? Int.max : min + maxRepeat
            let upper = Swift.min(max ?? cap, cap)
            let count = Int.random(in: min...Swift.max(min, upper), using: &rng)
            for _ in 0..<count where !generate(inner, &attempt, &rng) { return false }
            return true
        case .startAnchor:
            attempt.startAnchor = true
            return attempt.output.isEmpty
        case .endAnchor:
            attempt.endAnchor = attempt.output.count
            return true
        case .backreference(let group):
            if group < attempt.captures.count, let text = attempt.captures[group] { attempt.output += text }
            return true
        }
    }

    // MARK: Non-matching strings

    func generateNonMatch<R: RandomNumberGenerator>(using rng: inout R) -> String? {
        var candidates: [[UInt32]] = []
        if let match = generateMatch(using: &rng) {
            let base = match.unicodeScalars.map(\.value)
            for round in 0..<24 {
                var mutated = base
                let index = mutated.isEmpty ? 0 : Int.random(in: 0..<mutated.count, using: &rng)
                switch round % 6 {
                case 0 where !mutated.isEmpty: mutated[index] = foreignCharacter(&rng)
                case 1 where !mutated.isEmpty: mutated.remove(at: index)
                case 2: mutated.insert(foreignCharacter(&rng), at: index)
                case 3: mutated.append(foreignCharacter(&rng))
                case 4: mutated = Array(mutated.prefix(mutated.count / 2))
                case 5: mutated += mutated
                default: mutated = [foreignCharacter(&rng)]
                }
                candidates.append(mutated)
            }
        }
        candidates += Self.simpleCandidates
        for candidate in candidates {
            guard let string = Self.string(candidate) else { continue }
            // A definite `.notMatched` within a smaller budget is just as definite; ambiguous candidates are skipped.
            if regex.search(in: string, stepBudget: Self.verifyBudget / 10) == .notMatched { return string }
        }
        return nil
    }

    private static let simpleCandidates: [[UInt32]] = [
        [], [0x21], [0x20], [0x61], [0x41], [0x30], [0x5F], [0x2D], [0xE9], [0x1F600], [0x0A],
        Array("a b".unicodeScalars.map(\.value)), Array(repeating: 0x61, count: 300),
        Array("0123456789".unicodeScalars.map(\.value)), Array("not a match!".unicodeScalars.map(\.value)),
    ]

    // MARK: Characters

    private static let lowercase = Array(UInt32(0x61)...0x7A)
    private static let uppercase = Array(UInt32(0x41)...0x5A)
    private static let digits = Array(UInt32(0x30)...0x39)
    private static let punctuation: [UInt32] = Array(" -_.,:;!?@#$%&*+=/()'\"".unicodeScalars.map(\.value))
    private static let foreign: [UInt32] = Array("!#%&*~ A0z_-./\\é€😀".unicodeScalars.map(\.value)) + [0x0A, 0x09]

    /// A character for `.`: mostly letters and digits, sometimes punctuation.
    private static func naturalCharacter<R: RandomNumberGenerator>(_ rng: inout R) -> UInt32 {
        let roll = Int.random(in: 0..<100, using: &rng)
        let pool = roll < 45 ? lowercase : roll < 65 ? uppercase : roll < 85 ? digits : punctuation
        return pool[Int.random(in: 0..<pool.count, using: &rng)]
    }

    /// A character likely to break a match: one the pattern's classes exclude, or a generic odd one.
    private func foreignCharacter<R: RandomNumberGenerator>(_ rng: inout R) -> UInt32 {
        let excluded = regex.palette.excluded
        if !excluded.isEmpty, Bool.random(using: &rng) {
            return excluded[Int.random(in: 0..<excluded.count, using: &rng)]
        }
        return Self.foreign[Int.random(in: 0..<Self.foreign.count, using: &rng)]
    }

    /// A member of `set`, preferring printable ASCII (letters and digits first).
    static func pick<R: RandomNumberGenerator>(from members: GenerationPalette.Members, _ rng: inout R) -> UInt32? {
        let (set, ascii, printable, alphanumeric) = (
            members.set, members.ascii, members.printable, members.alphanumeric
        )
        if !alphanumeric.isEmpty, alphanumeric.count == printable.count || Int.random(in: 0..<100, using: &rng) < 85 {
            return alphanumeric[Int.random(in: 0..<alphanumeric.count, using: &rng)]
        }
        if !printable.isEmpty { return printable[Int.random(in: 0..<printable.count, using: &rng)] }
        if let value = pickNonASCII(from: set, &rng) { return value }
        return ascii.isEmpty ? nil : ascii[Int.random(in: 0..<ascii.count, using: &rng)]
    }

    /// Well-known non-ASCII code points tried before scanning.
    private static let probes: [UInt32] = [
        0xE9, 0x3B1, 0x416, 0x5D0, 0x627, 0x905, 0xE01, 0x3042, 0x30A2, 0x4E2D, 0xAC00, 0x1F600, 0x301, 0x2013,
        0x20AC, 0xA0, 0x2028, 0x2160, 0xB2, 0xFEFF, 0xE000, 0x10000, 0x1F1E6, 0xE0061,
    ]

    private static func pickNonASCII<R: RandomNumberGenerator>(from set: ScalarSet, _ rng: inout R) -> UInt32? {
        var ranges = set.negated ? ScalarRanges.complement(set.ranges) : set.ranges
        if !set.negated {
            for test in set.properties where !test.negated {
                if case .ranges(let propertyRanges, _) = test.property.kind { ranges += propertyRanges }
            }
        }
        ranges = ranges.filter { $0.upperBound >= 0x80 }
        for _ in 0..<8 where !ranges.isEmpty {
            let range = ranges[Int.random(in: 0..<ranges.count, using: &rng)]
            let value = UInt32.random(in: Swift.max(range.lowerBound, 0x80)...range.upperBound, using: &rng)
            if !(0xD800...0xDFFF).contains(value), set.contains(value) { return value }
        }
        if set.properties.isEmpty {
            // Membership is exactly `ranges`: take the first non-surrogate code point of any of them.
            for range in ranges {
                let low = Swift.max(range.lowerBound, 0x80)
                if !(0xD800...0xDFFF).contains(low) { return low }
                if range.upperBound > 0xDFFF { return 0xE000 }
            }
            return nil
        }
        let members = probes.filter { set.contains($0) }
        if !members.isEmpty { return members[Int.random(in: 0..<members.count, using: &rng)] }
        var value: UInt32 = 0x80
        while value <= ScalarRanges.maxCodePoint {
            if !(0xD800...0xDFFF).contains(value), set.contains(value) { return value }
            value += 1
        }
        return nil
    }

    /// The string of the code points, or nil if one is a surrogate.
    static func string(_ values: [UInt32]) -> String? {
        var scalars = String.UnicodeScalarView()
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
