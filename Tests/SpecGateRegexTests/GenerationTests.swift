import Testing

@testable import SpecGateRegex

/// Realistic `pattern` values as found in OpenAPI documents.
let openAPIPatterns: [String] = [
    "^[a-zA-Z0-9_-]+$",
    "^\\d{4}-\\d{2}-\\d{2}$",
    "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
    "^([01]\\d|2[0-3]):[0-5]\\d$",
    "^(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?$",
    "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
    "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$",
    "^\\+?[1-9]\\d{1,14}$",
    "^#[0-9a-fA-F]{6}$",
    "^#?([0-9a-f]{3}|[0-9a-f]{6})$",
    "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
    "^[A-Z]{2}$",
    "^[A-Z]{3}$",
    "^[a-z]{2}(-[A-Z]{2})?$",
    "^https?://[^\\s/$.?#].[^\\s]*$",
    "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "^[a-z][a-z0-9_]{2,31}$",
    "^\\S+$",
    "^\\s*\\S",
    "\\S",
    "^(?!\\s*$).+",
    "^v\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$",
    "^\\d+(\\.\\d{1,2})?$",
    "^-?\\d+$",
    "^(true|false)$",
    "^(GET|POST|PUT|PATCH|DELETE)$",
    "^[A-Za-z0-9+/]+={0,2}$",
    "^\\d{5}(-\\d{4})?$",
    "^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[!@#$%^&*]).{8,}$",
    "^(?=.*\\d)[A-Za-z\\d]{6,12}$",
    "^(\\w+)-\\1$",
    "^(?<scheme>[a-z]+)://\\k<scheme>\\.example$",
    "(?<=@)[a-z]+",
    "^[\\p{L}\\p{M}\\s'.-]+$",
    "^\\p{Lu}\\p{Ll}+$",
    "^[\\u0600-\\u06FF]+$",
    "^\\p{Script=Greek}+$",
    "^[^<>]*$",
    "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$",
    "^(?:\\d{1,3}\\.){3}\\d{1,3}$",
    "^[a-f0-9]{24}$",
    "^[1-9][0-9]*$",
    "^\\w+([.-]?\\w+)*@\\w+([.-]?\\w+)*(\\.\\w{2,3})+$",
    "^Bearer [A-Za-z0-9\\-._~+/]+=*$",
    "^[A-Z][a-z]+(?: [A-Z][a-z]+)*$",
    "^\\u{1F600}+$",
    "cal\\.com",
    "\\bcal\\.com\\b",
    "^[a-z]+\\B[a-z]$",
]

@Suite("Generation")
struct GenerationTests {
    /// Strings built for a pattern without lookarounds, backreferences or word boundaries are returned
    /// without a second look by the matcher; the others are verified (generatedStringsMatch covers both).
    @Test func onlyPatternsGenerationHonoursExactlySkipTheMatcher() throws {
        for pattern in ["^\\d+(,\\d+)*$", "^[a-z]{2}(-[A-Z]{2})?$", "^(GET|POST)$", "cal\\.com", "^\\p{Lu}\\p{Ll}+$"] {
            #expect(try ECMARegex(pattern).palette.exact, "\(pattern)")
        }
        for pattern in ["^(?=.*\\d)[a-z\\d]{6}$", "^(\\w+)-\\1$", "\\bcal\\b", "(?<=@)[a-z]+", "a\\Bb"] {
            #expect(try !ECMARegex(pattern).palette.exact, "\(pattern)")
        }
    }

    @Test(arguments: openAPIPatterns)
    func generatedStringsMatch(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        for seed in UInt64(0)..<25 {
            var rng = SeededGenerator(seed: seed)
            let generated = try #require(regex.generateMatch(using: &rng), "seed \(seed)")
            #expect(regex.matches(generated), "\(generated.debugDescription) from seed \(seed)")
        }
    }

    @Test(arguments: openAPIPatterns)
    func sameSeedSameString(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        #expect(regex.generateMatch(using: &first) == regex.generateMatch(using: &second))
        #expect(regex.generateNonMatch(using: &first) == regex.generateNonMatch(using: &second))
    }

    @Test func differentSeedsGiveVariety() throws {
        let regex = try ECMARegex("^[a-z]{6}$")
        var strings: Set<String> = []
        for seed in UInt64(0)..<20 {
            var rng = SeededGenerator(seed: seed)
            if let generated = regex.generateMatch(using: &rng) { strings.insert(generated) }
        }
        #expect(strings.count > 10)
    }

    @Test(arguments: openAPIPatterns.filter { $0.hasPrefix("^") && $0.hasSuffix("$") })
    func nonMatchesDoNotMatch(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        for seed in UInt64(0)..<10 {
            var rng = SeededGenerator(seed: seed)
            let generated = try #require(regex.generateNonMatch(using: &rng), "seed \(seed)")
            #expect(regex.search(in: generated) == .notMatched, "\(generated.debugDescription)")
        }
    }

    @Test func nonMatchIsAMutationOfAValidStringWhenPossible() throws {
        let regex = try ECMARegex("^\\d{4}-\\d{2}-\\d{2}$")
        var rng = SeededGenerator(seed: 7)
        let generated = try #require(regex.generateNonMatch(using: &rng))
        #expect(!generated.isEmpty)
        #expect(!regex.matches(generated))
    }

    @Test(arguments: [".*", "a*", "", "^", "(?:)", "[\\s\\S]*", "\\b|\\B"])
    func patternsMatchingEverythingHaveNoNonMatch(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        var rng = SeededGenerator(seed: 1)
        #expect(regex.generateNonMatch(using: &rng) == nil)
    }

    @Test(arguments: ["[]", "a$b", "x^", "(?=a)b", "\\uD800", "/^[a-z]+$/", "^(?!a)a"])
    func unsatisfiablePatternsHaveNoMatch(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        var rng = SeededGenerator(seed: 3)
        #expect(regex.generateMatch(using: &rng) == nil)
        var again = SeededGenerator(seed: 3)
        let nonMatch = try #require(regex.generateNonMatch(using: &again))
        #expect(!regex.matches(nonMatch))
    }

    @Test func maxRepeatBoundsUnboundedQuantifiers() throws {
        let regex = try ECMARegex("^a+b*$")
        for seed in UInt64(0)..<20 {
            var rng = SeededGenerator(seed: seed)
            let generated = try #require(regex.generateMatch(using: &rng, maxRepeat: 2))
            #expect(generated.count <= 1 + 2 + 2)
            #expect(regex.matches(generated))
        }
    }

    @Test func generatedStringsAreNaturalASCIIWhenThePatternAllows() throws {
        let regex = try ECMARegex("^.{20}$")
        var rng = SeededGenerator(seed: 11)
        let generated = try #require(regex.generateMatch(using: &rng))
        #expect(generated.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
    }
}
