import SpecGateRegex
import Testing

@Suite("Unicode")
struct UnicodeTests {
    @Test func dotMatchesOneCodePointIncludingAstral() throws {
        #expect(try ECMARegex("^.$").matches("😀"))
        #expect(try ECMARegex("^..$").matches("😀") == false)
        #expect(try ECMARegex("^.{3}$").matches("a😀b"))
        // "é" as e + combining acute is two code points.
        #expect(try ECMARegex("^.$").matches("e\u{301}") == false)
        #expect(try ECMARegex("^..$").matches("e\u{301}"))
    }

    @Test func astralRangesAndLiterals() throws {
        #expect(try ECMARegex("^[😀-😂]+$").matches("😁😀"))
        #expect(try ECMARegex("^[😀-😂]$").matches("😃") == false)
        #expect(try ECMARegex("^[^😀]$").matches("😁"))
        #expect(try ECMARegex("^\\u{1F600}\\u{1F601}$").matches("😀😁"))
        #expect(try ECMARegex("^[\\u{1F600}-\\u{1F64F}]$").matches("🙏"))
    }

    @Test func generalCategoryProperties() throws {
        let letters = try ECMARegex("^\\p{L}+$")
        #expect(letters.matches("héllo世界Ωж"))
        #expect(letters.matches("abc1") == false)
        #expect(try ECMARegex("^\\p{Lu}$").matches("É"))
        #expect(try ECMARegex("^\\p{Lu}$").matches("é") == false)
        #expect(try ECMARegex("^\\p{Ll}$").matches("é"))
        #expect(try ECMARegex("^\\p{Letter}$").matches("ж"))
        #expect(try ECMARegex("^\\p{General_Category=Decimal_Number}+$").matches("٣3"))
        #expect(try ECMARegex("^\\p{Nd}$").matches("x") == false)
        #expect(try ECMARegex("^\\P{L}$").matches("1"))
        #expect(try ECMARegex("^\\P{L}$").matches("ж") == false)
        #expect(try ECMARegex("^\\p{Sc}$").matches("€"))
        #expect(try ECMARegex("^\\p{Mn}$").matches("\u{301}"))
        #expect(try ECMARegex("^\\p{Zs}$").matches("\u{3000}"))
        #expect(try ECMARegex("^\\p{So}$").matches("😀"))
        #expect(try ECMARegex("^[^\\P{Lu}]$").matches("A"))
        #expect(try ECMARegex("^[^\\P{Lu}]$").matches("a") == false)
    }

    @Test func binaryAndScriptProperties() throws {
        #expect(try ECMARegex("^\\p{Alphabetic}+$").matches("aж世"))
        #expect(try ECMARegex("^\\p{White_Space}$").matches("\u{2003}"))
        #expect(try ECMARegex("^\\p{Emoji}$").matches("😀"))
        #expect(try ECMARegex("^\\p{ASCII}+$").matches("plain"))
        #expect(try ECMARegex("^\\p{ASCII}+$").matches("plaín") == false)
        #expect(try ECMARegex("^\\p{Any}$").matches("\u{10FFFD}"))
        #expect(try ECMARegex("^\\p{Script=Greek}+$").matches("αβγ"))
        #expect(try ECMARegex("^\\p{Script=Greek}+$").matches("abc") == false)
        #expect(try ECMARegex("^\\p{sc=Cyrillic}+$").matches("жизнь"))
        #expect(try ECMARegex("^\\p{Script=Han}+$").matches("世界"))
        #expect(try ECMARegex("^\\p{Script=Latin}+$").matches("Ça"))
    }

    @Test func approximatedFeaturesAreReported() throws {
        #expect(try ECMARegex("^\\p{L}+$").usesUnsupportedFeatures.isEmpty)
        #expect(try ECMARegex("^[a-z]+$").usesUnsupportedFeatures.isEmpty)
        let script = try ECMARegex("^\\p{Script=Greek}+$")
        #expect(script.usesUnsupportedFeatures.count == 1)
        #expect(script.usesUnsupportedFeatures.first?.contains("Script=Greek") == true)
    }

    @Test func wordAndDigitClassesAreASCIIOnly() throws {
        #expect(try ECMARegex("^\\w+$").matches("straße") == false)
        #expect(try ECMARegex("\\bstra").matches("straße"))
        #expect(try ECMARegex("^\\d$").matches("١") == false)
    }

    @Test func generationWithNonASCIIClasses() throws {
        for pattern in [
            "^\\p{Mn}$", "^\\p{Script=Greek}{3}$", "^[\\u0600-\\u06FF]{2}$", "^\\P{ASCII}$", "^[^\\x00-\\x7F]+$",
        ] {
            let regex = try ECMARegex(pattern)
            for seed in UInt64(0)..<5 {
                var rng = SeededGenerator(seed: seed)
                let generated = try #require(regex.generateMatch(using: &rng), "\(pattern)")
                #expect(regex.matches(generated), "\(pattern): \(generated.debugDescription)")
            }
        }
    }
}
