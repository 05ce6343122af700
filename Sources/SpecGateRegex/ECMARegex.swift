import SpecGateRandom

/// An ECMA-262 regular expression as JSON Schema and OpenAPI `pattern` use it (unanchored search, `u` flag).
///
/// Parsing happens once in `init`; `search` runs a bounded backtracking matcher over Unicode code points.
/// Equality and hashing use the pattern text.
public struct ECMARegex: Sendable, Hashable {
    /// The pattern as given.
    public let pattern: String
    /// What parsing made, shared by every copy: a regex is copied into caches, generators and checks
    /// (once per generated string), and a copy is then two retains instead of one per array of the program
    /// and the palette.
    private let parsed: Parsed

    private final class Parsed: Sendable {
        let node: RegexNode
        let captureCount: Int
        let usesUnsupportedFeatures: [String]
        let program: RegexProgram
        let palette: GenerationPalette

        init(node: RegexNode, captureCount: Int, approximations: [String]) {
            self.node = node
            self.captureCount = captureCount
            self.usesUnsupportedFeatures = approximations
            self.program = RegexProgram(node: node, captureCount: captureCount)
            self.palette = GenerationPalette(node)
        }
    }

    /// The parsed pattern.
    public var node: RegexNode { parsed.node }
    /// Number of capturing groups.
    public var captureCount: Int { parsed.captureCount }
    /// Features of this pattern that are supported only approximately (e.g. `\p{Script=Greek}` uses
    /// code-point range tables because the standard library has no Script property). Empty for most patterns.
    public var usesUnsupportedFeatures: [String] { parsed.usesUnsupportedFeatures }
    var program: RegexProgram { parsed.program }
    /// Class members and excluded characters for string generation.
    var palette: GenerationPalette { parsed.palette }

    /// Parses `pattern`; throws with the scalar offset of the first problem.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let result = try parser.parse()
        self.pattern = pattern
        self.parsed = Parsed(
            node: result.node, captureCount: result.captureCount, approximations: result.approximations)
    }

    /// Searches anywhere in `string` (JSON Schema `pattern` semantics), giving up after `stepBudget`
    /// matcher steps counted over all start positions.
    public func search(in string: String, stepBudget: Int = 1_000_000) -> RegexSearchResult {
        let scalars = string.unicodeScalars
        let program = self.program
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: scalars.count) { buffer in
            var index = 0
            for scalar in scalars {
                buffer.initializeElement(at: index, to: scalar.value)
                index += 1
            }
            return program.instructions.withUnsafeBufferPointer { instructions in
                program.sets.withUnsafeBufferPointer { sets in
                    program.asciiBitmaps.withUnsafeBufferPointer { bitmaps in
                        var matcher = RegexMatcher(
                            program: program, instructions: instructions, sets: sets, asciiBitmaps: bitmaps,
                            input: UnsafeBufferPointer(buffer), budget: stepBudget)
                        return matcher.search()
                    }
                }
            }
        }
    }

    /// Convenience: true only for `.matched`.
    public func matches(_ string: String) -> Bool { search(in: string) == .matched }

    public static func == (lhs: ECMARegex, rhs: ECMARegex) -> Bool { lhs.pattern == rhs.pattern }

    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}

extension ECMARegex {
    /// A string this regex matches (search semantics), as natural as possible: mostly ASCII letters and
    /// digits, unbounded quantifiers repeated at most `maxRepeat` times beyond their minimum. For an
    /// unanchored pattern this is the generated match itself. Deterministic for a given RNG state.
    /// Lookarounds and backreferences are best effort (verified, retried); nil when no string was found.
    public func generateMatch(using rng: inout some RandomNumberGenerator, maxRepeat: Int = 8) -> String? {
        RegexGenerator(regex: self, maxRepeat: Swift.max(0, maxRepeat)).generateMatch(using: &rng)
    }

    /// ``generateMatch(using:maxRepeat:)`` for the generator case generation uses, specialised: the same
    /// strings, without a generic call for every random draw.
    public func generateMatch(using rng: inout SplitMix64, maxRepeat: Int = 8) -> String? {
        RegexGenerator(regex: self, maxRepeat: Swift.max(0, maxRepeat)).generateMatch(using: &rng)
    }

    /// A string this regex does not match: a mutation of a generated match when possible, else a simple
    /// candidate (empty string, punctuation, ...), verified with the matcher. Nil when the regex matches
    /// every candidate (e.g. `.*` or `a*`, which match every string).
    public func generateNonMatch(using rng: inout some RandomNumberGenerator) -> String? {
        RegexGenerator(regex: self, maxRepeat: 8).generateNonMatch(using: &rng)
    }

    /// ``generateNonMatch(using:)`` specialised for ``SplitMix64``.
    public func generateNonMatch(using rng: inout SplitMix64) -> String? {
        RegexGenerator(regex: self, maxRepeat: 8).generateNonMatch(using: &rng)
    }
}
