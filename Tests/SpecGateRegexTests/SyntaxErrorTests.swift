import SpecGateRegex
import Testing

/// A pattern that must be rejected, with the scalar offset the error must point at.
struct SyntaxCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let offset: Int
    let messageFragment: String
    init(_ pattern: String, _ offset: Int, _ messageFragment: String) {
        self.pattern = pattern
        self.offset = offset
        self.messageFragment = messageFragment
    }
    var testDescription: String { "/\(pattern)/ at \(offset)" }
}

let syntaxCases: [SyntaxCase] = [
    SyntaxCase("(a", 0, "unterminated group"),
    SyntaxCase("a(b(c)", 1, "unterminated group"),
    SyntaxCase("a)", 1, "unmatched ')'"),
    SyntaxCase("*a", 0, "nothing to repeat"),
    SyntaxCase("a**", 2, "nothing to repeat"),
    SyntaxCase("a|+", 2, "nothing to repeat"),
    SyntaxCase("^*", 1, "nothing to repeat"),
    SyntaxCase("\\b+", 2, "nothing to repeat"),
    SyntaxCase("(?=a)*", 5, "nothing to repeat"),
    SyntaxCase("(?<=a)?", 6, "nothing to repeat"),
    SyntaxCase("{1}", 0, "nothing to repeat"),
    SyntaxCase("[z-a]", 1, "out of order"),
    SyntaxCase("x[b-a]", 2, "out of order"),
    SyntaxCase("a{2,1}", 1, "out of order"),
    SyntaxCase("a{1", 1, "quantifier"),
    SyntaxCase("a{,3}", 1, "quantifier"),
    SyntaxCase("\\a", 0, "invalid escape"),
    SyntaxCase("\\-", 0, "invalid escape"),
    SyntaxCase("ab\\e", 2, "invalid escape"),
    SyntaxCase("{", 0, "lone '{'"),
    SyntaxCase("a}", 1, "lone '}'"),
    SyntaxCase("]", 0, "lone ']'"),
    SyntaxCase("\\p{Foo}", 0, "unknown"),
    SyntaxCase("\\p{Script=Klingon}", 0, "unknown"),
    SyntaxCase("\\p{gc=Letterz}", 0, "unknown"),
    SyntaxCase("\\pL", 0, "property"),
    SyntaxCase("(?<1a>x)", 3, "group name"),
    SyntaxCase("(?<>x)", 3, "group name"),
    SyntaxCase("(?<a-b>x)", 3, "group name"),
    SyntaxCase("(?<a>x)(?<a>y)", 7, "duplicate"),
    SyntaxCase("a\\", 1, "end of pattern"),
    SyntaxCase("\\1", 0, "backreference"),
    SyntaxCase("(a)\\2", 3, "backreference"),
    SyntaxCase("\\k<x>", 0, "no group named"),
    SyntaxCase("\\k", 0, "named reference"),
    SyntaxCase("(?i:a)", 0, "invalid group"),
    SyntaxCase("(?P<n>a)", 0, "invalid group"),
    SyntaxCase("[\\d-z]", 1, "class escape"),
    SyntaxCase("[a-\\w]", 1, "class escape"),
    SyntaxCase("[\\1]", 1, "class escape"),
    SyntaxCase("[\\B]", 1, "invalid escape"),
    SyntaxCase("[abc", 0, "unterminated character class"),
    SyntaxCase("\\c1", 0, "control escape"),
    SyntaxCase("\\x4", 0, "\\x"),
    SyntaxCase("\\u12", 0, "\\u"),
    SyntaxCase("\\u{110000}", 0, "out of range"),
    SyntaxCase("\\u{}", 0, "\\u{"),
    SyntaxCase("\\00", 0, "decimal escape"),
    SyntaxCase("é(", 1, "unterminated group"),  // offsets count code points
    SyntaxCase("😀😀)", 2, "unmatched ')'"),
]

@Suite("Syntax errors")
struct SyntaxErrorTests {
    @Test(arguments: syntaxCases)
    func rejected(_ row: SyntaxCase) {
        do {
            _ = try ECMARegex(row.pattern)
            Issue.record("/\(row.pattern)/ was accepted")
        } catch {
            #expect(error.pattern == row.pattern)
            #expect(error.offset == row.offset, "\(error)")
            #expect(error.message.contains(row.messageFragment), "\(error)")
            #expect(error.description.contains("at \(row.offset)"))
        }
    }

    @Test(arguments: [
        "", "a", "[]", "[^]", "\\/", "[\\-]", "[-]", "[a-]", "a{0}", "a{1,}?", "(?:)", "()", "(?<name>x)\\k<name>",
        "(?<$_ñ1>x)", "\\p{L}", "\\P{Lu}", "\\p{Letter}", "\\p{General_Category=Lu}", "\\p{gc=Nd}",
        "\\p{Script=Greek}", "\\p{sc=Latn}", "\\p{scx=Cyrillic}", "\\p{ASCII}", "\\p{Any}", "\\p{Alphabetic}",
        "\\p{White_Space}", "\\p{Emoji}", "\\p{RI}", "[\\p{L}\\d]", "\\u{10FFFF}", "\\cZ", "[\\cA]", "\\0",
        "a{99999999999999}", "(((((((((((x)))))))))))\\11", "/^[a-z]+$/", "TIME_FORMAT_HH_MM",
    ])
    func accepted(_ pattern: String) {
        #expect(throws: Never.self) { try ECMARegex(pattern) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let pattern = String(repeating: "(", count: 5_000) + String(repeating: ")", count: 5_000)
        #expect(throws: RegexSyntaxError.self) { try ECMARegex(pattern) }
    }
}
