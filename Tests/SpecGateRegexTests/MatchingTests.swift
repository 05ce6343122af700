import SpecGateRegex
import Testing

/// One row of the matching table: does `pattern` find a match somewhere in `input`?
struct MatchCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let input: String
    let expected: Bool
    init(_ pattern: String, _ input: String, _ expected: Bool) {
        self.pattern = pattern
        self.input = input
        self.expected = expected
    }
    var testDescription: String { "/\(pattern)/ on \(input.debugDescription) → \(expected)" }
}

let matchCases: [MatchCase] = [
    // Literals, search semantics, anchors
    MatchCase("abc", "xxabcxx", true),
    MatchCase("abc", "ab", false),
    MatchCase("^abc", "abcd", true),
    MatchCase("^abc", "xabc", false),
    MatchCase("abc$", "xabc", true),
    MatchCase("abc$", "abcx", false),
    MatchCase("^$", "", true),
    MatchCase("^$", "a", false),
    MatchCase("", "anything", true),
    MatchCase("^abc$", "abc\n", false),
    MatchCase("a|^b", "ab", true),
    MatchCase("x^", "x", false),
    // Alternation and groups
    MatchCase("^(cat|dog)s?$", "dogs", true),
    MatchCase("^(cat|dog)s?$", "cow", false),
    MatchCase("^(?:a|b|)c$", "c", true),
    MatchCase("^(?<year>\\d{4})$", "2024", true),
    MatchCase("(a|ab)(c|bcd)(d*)", "abcd", true),
    // Quantifiers
    MatchCase("^a*$", "", true),
    MatchCase("^a+$", "", false),
    MatchCase("^a?b$", "b", true),
    MatchCase("^a{3}$", "aaa", true),
    MatchCase("^a{3}$", "aa", false),
    MatchCase("^a{2,}$", "aaaaa", true),
    MatchCase("^a{2,}$", "a", false),
    MatchCase("^a{2,3}$", "aaaa", false),
    MatchCase("^a{0}b$", "b", true),
    MatchCase("^a{2,3}?$", "aaa", true),
    MatchCase("^a*?b$", "aaab", true),
    MatchCase("^(a*?)b", "aab", true),
    MatchCase("^(?:ab){2}$", "abab", true),
    MatchCase("^(?:ab){2}$", "ababab", false),
    MatchCase("^(?:ab){1,2}?c$", "ababc", true),
    MatchCase("^(?:a|b)*?c$", "ababc", true),
    MatchCase("^(?:a|bc)+$", "abca", true),
    MatchCase("^(?:a|bc)+$", "abcb", false),
    MatchCase("^(a*)*$", "aaab", false),
    MatchCase("^(a*)+b$", "aab", true),
    MatchCase("^(?:x*)*y$", "xxy", true),
    MatchCase("^.{2,4}$", "abcde", false),
    // Classes
    MatchCase("^[a-z]+$", "hello", true),
    MatchCase("^[a-z]+$", "Hello", false),
    MatchCase("^[^a-z]+$", "ABC123", true),
    MatchCase("^[^a-z]+$", "ABc", false),
    MatchCase("^[a-zA-Z0-9_-]+$", "Ab_9-z", true),
    MatchCase("^[-a]+$", "-a-", true),
    MatchCase("^[a-]+$", "a-", true),
    MatchCase("^[\\d.]+$", "1.5", true),
    MatchCase("^[\\w-]+$", "a-b_c", true),
    MatchCase("^[\\]\\[]+$", "][", true),
    MatchCase("^[\\-]$", "-", true),
    MatchCase("^[\\b]$", "\u{08}", true),
    MatchCase("^[.]$", "x", false),
    MatchCase("^[^]$", "\n", true),
    MatchCase("[]", "anything", false),
    MatchCase("^[\\s\\S]$", "\u{2028}", true),
    MatchCase("^[^\\d]$", "5", false),
    MatchCase("^[^\\D]$", "5", true),
    // Escapes
    MatchCase("^\\d+$", "0123456789", true),
    MatchCase("^\\d$", "٣", false),  // Arabic-Indic digit: \d is ASCII only
    MatchCase("^\\D$", "٣", true),
    MatchCase("^\\w+$", "az_AZ09", true),
    MatchCase("^\\w$", "é", false),
    MatchCase("^\\W$", "é", true),
    MatchCase("^\\s+$", " \t\n\r\u{0B}\u{0C}", true),
    MatchCase("^\\s+$", "\u{A0}\u{FEFF}\u{2003}\u{3000}\u{2028}", true),
    MatchCase("^\\s$", "\u{200B}", false),
    MatchCase("^\\S$", "\u{200B}", true),
    MatchCase("\\bfoo\\b", "a foo b", true),
    MatchCase("\\bfoo\\b", "afoo", false),
    MatchCase("\\Boo\\B", "foob", true),
    MatchCase("\\Bfoo", "foo", false),
    MatchCase("^\\t\\n\\r\\f\\v$", "\t\n\r\u{0C}\u{0B}", true),
    MatchCase("^\\0$", "\u{0}", true),
    MatchCase("^\\x41\\x7a$", "Az", true),
    MatchCase("^\\u0041$", "A", true),
    MatchCase("^\\u{1F600}$", "😀", true),
    MatchCase("^\\u{41}$", "A", true),
    MatchCase("^\\uD83D\\uDE00$", "😀", true),
    MatchCase("^\\cJ\\cj$", "\n\n", true),
    MatchCase("^\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/$", "^$\\.*+?()[]{}|/", true),
    MatchCase("^.$", "\n", false),
    MatchCase("^.$", "\r", false),
    MatchCase("^.$", "\u{2029}", false),
    MatchCase("^.$", "\t", true),
    // Backreferences
    MatchCase("(\\w+)\\s\\1", "hello hello", true),
    MatchCase("^(\\w+)\\s\\1$", "hello world", false),
    MatchCase("^(?<q>['\"]).*\\k<q>$", "'quoted'", true),
    MatchCase("^(?<q>['\"]).*\\k<q>$", "'mixed\"", false),
    MatchCase("\\k<a>(?<a>x)", "x", true),
    MatchCase("(a)|\\1b", "b", true),
    MatchCase("^(?:(a)|b)\\1$", "b", true),
    MatchCase("^((a)|b)+\\2$", "aba", false),  // captures inside a quantified atom reset per iteration
    MatchCase("^((a)|b)+\\2$", "abb", true),
    // Lookarounds
    MatchCase("^(?=.*[A-Z])(?=.*\\d).{8,}$", "Passw0rdx", true),
    MatchCase("^(?=.*[A-Z])(?=.*\\d).{8,}$", "passw0rdx", false),
    MatchCase("^(?!foo)\\w+$", "foobar", false),
    MatchCase("^(?!foo)\\w+$", "barfoo", true),
    MatchCase("(?<=\\$)\\d+", "cost $42", true),
    MatchCase("(?<=\\$)\\d+", "cost 42", false),
    MatchCase("(?<!\\$)\\b\\d+", "$42", false),
    MatchCase("(?<!\\$)\\b\\d+", "€42", true),
    MatchCase("(?<=^a+)b", "aaab", true),
    MatchCase("(?<=(\\d)(\\d))x\\2", "12x2", true),
    MatchCase("(?<=(\\d)(\\d))x\\1", "12x2", false),
    MatchCase("(?=(a+))a*b\\1", "baaabac", true),
    MatchCase("^(?=(a+))a*b\\1$", "aaab", false),
    // Typical OpenAPI patterns
    MatchCase("^\\d{4}-\\d{2}-\\d{2}$", "2024-01-31", true),
    MatchCase("^\\d{4}-\\d{2}-\\d{2}$", "2024-1-31", false),
    MatchCase("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "a.b@example.com", true),
    MatchCase("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "a b@example.com", false),
    MatchCase("^([01]\\d|2[0-3]):[0-5]\\d$", "23:59", true),
    MatchCase("^([01]\\d|2[0-3]):[0-5]\\d$", "24:00", false),
    MatchCase("TIME_FORMAT_HH_MM", "12:30", false),
    MatchCase("TIME_FORMAT_HH_MM", "TIME_FORMAT_HH_MM", true),
    MatchCase("/^[a-z]+$/", "abc", false),  // JavaScript delimiters are literal slashes
    MatchCase("/^[a-z]+$/", "/", false),
    MatchCase("/^\\+[1-9]\\d{1,14}$/", "+14155552671", false),  // as in the Cal.com spec
    MatchCase("/^\\+[1-9]\\d{1,14}$/", "/+14155552671/", false),
    MatchCase("[a-z]+@", "no at sign in this string", false),
    MatchCase("[a-z]+@", "mail me: x@y", true),
    MatchCase("\\d{4}", "year twenty 2024!", true),
    MatchCase("(?:ab)+c", "abababx abc", true),
]

@Suite("Matching")
struct MatchingTests {
    @Test(arguments: matchCases)
    func table(_ row: MatchCase) throws {
        let regex = try ECMARegex(row.pattern)
        #expect(regex.matches(row.input) == row.expected)
        #expect(regex.search(in: row.input) == (row.expected ? .matched : .notMatched))
    }

    @Test func equalityAndHashingUsePatternText() throws {
        let a = try ECMARegex("^a+$")
        let b = try ECMARegex("^a+$")
        let c = try ECMARegex("^a*$")
        #expect(a == b)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    @Test func longInputDoesNotOverflowTheStack() throws {
        let input = String(repeating: "abcdefghij", count: 10_000)
        #expect(try ECMARegex("^[a-z]*$").matches(input))
        #expect(try ECMARegex("^(?:[a-z])+$").matches(input))
        #expect(try ECMARegex("^[a-z]*$").matches(input + "!") == false)
        #expect(try ECMARegex("^(?:ab|cd|[e-j])*$").search(in: input + "!", stepBudget: 10_000_000) == .notMatched)
        #expect(try ECMARegex("^(?:abcdefghij)*$").search(in: input, stepBudget: 10_000_000) == .matched)
        #expect(try ECMARegex("^(.)(?:.)*\\1?$").search(in: input, stepBudget: 10_000_000) == .matched)
        let base64 = String(repeating: "QUJD", count: 250_000) + "=="
        #expect(try ECMARegex("^[A-Za-z0-9+/]+={0,2}$").search(in: base64) == .matched)
    }
}
