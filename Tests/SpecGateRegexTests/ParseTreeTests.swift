import SpecGateRegex
import Testing

@Suite("Parse tree")
struct ParseTreeTests {
    @Test func literalsAndAnchors() throws {
        let regex = try ECMARegex("^ab$")
        #expect(regex.node == .sequence([.startAnchor, .literal(0x61), .literal(0x62), .endAnchor]))
        #expect(regex.captureCount == 0)
    }

    @Test func groupsAndQuantifiers() throws {
        let regex = try ECMARegex("(?<n>a)+?(?:b|c){2,}")
        #expect(regex.captureCount == 1)
        #expect(
            regex.node
                == .sequence([
                    .repetition(.group(.literal(0x61), index: 1, name: "n"), min: 1, max: nil, greedy: false),
                    .repetition(
                        .group(.alternation([.literal(0x62), .literal(0x63)]), index: nil, name: nil),
                        min: 2, max: nil, greedy: true),
                ]))
    }

    @Test func classesAndEscapes() throws {
        let regex = try ECMARegex("[^a-z\\d]\\u{1F600}\\k<x>(?<x>.)")
        guard case .sequence(let parts) = regex.node, parts.count == 4 else {
            Issue.record("unexpected tree \(regex.node)")
            return
        }
        #expect(
            parts[0]
                == .characterClass(
                    RegexCharacterClass(items: [.range(0x61...0x7A), .digit(negated: false)], negated: true)))
        #expect(parts[1] == .literal(0x1F600))
        #expect(parts[2] == .backreference(1))
        #expect(parts[3] == .group(.anyExceptLineTerminator, index: 1, name: "x"))
    }

    @Test func lookaroundsAndBoundaries() throws {
        let regex = try ECMARegex("(?<!x)\\b(?=y)")
        #expect(
            regex.node
                == .sequence([
                    .lookaround(.literal(0x78), behind: true, negated: true),
                    .wordBoundary(negated: false),
                    .lookaround(.literal(0x79), behind: false, negated: false),
                ]))
    }

    @Test func javaScriptDelimitersAreLiteralSlashes() throws {
        let regex = try ECMARegex("/a/")
        #expect(regex.node == .sequence([.literal(0x2F), .literal(0x61), .literal(0x2F)]))
    }
}
