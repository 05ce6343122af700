/// The parsed form of an ECMA-262 pattern (with `u` flag semantics).
///
/// Characters are Unicode code points (`UInt32`), so `\uD800` style lone surrogates can be
/// represented even though they never match a Swift string.
public indirect enum RegexNode: Sendable, Hashable {
    /// Matches the empty string (an empty alternative or pattern).
    case empty
    /// One literal code point.
    case literal(UInt32)
    /// `.`: any code point except line terminators (`\n`, `\r`, U+2028, U+2029).
    case anyExceptLineTerminator
    /// A set of code points: `[...]`, `\d`, `\w`, `\s`, `\p{...}` and their negations.
    case characterClass(RegexCharacterClass)
    /// Terms matched one after another.
    case sequence([RegexNode])
    /// `a|b|c`: alternatives tried left to right.
    case alternation([RegexNode])
    /// `( )`, `(?: )`, `(?<name> )`. `index` is the 1-based capture number, nil for non-capturing groups.
    case group(RegexNode, index: Int?, name: String?)
    /// A quantified term; `max` is nil for unbounded (`*`, `+`, `{n,}`). `greedy` is false for `*?` etc.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
    /// `^` (start of input; no multiline flag).
    case startAnchor
    /// `$` (end of input; no multiline flag).
    case endAnchor
    /// `\b` (or `\B` when `negated`), ASCII word characters.
    case wordBoundary(negated: Bool)
    /// `(?= )`, `(?! )`, `(?<= )`, `(?<! )`.
    case lookaround(RegexNode, behind: Bool, negated: Bool)
    /// `\1` or `\k<name>`, resolved to the 1-based capture number.
    case backreference(Int)
}

extension RegexNode {
    /// True when `predicate` holds for this node or any node inside it (lookarounds included).
    func contains(where predicate: (RegexNode) -> Bool) -> Bool {
        if predicate(self) { return true }
        switch self {
        case .sequence(let nodes), .alternation(let nodes): return nodes.contains { $0.contains(where: predicate) }
        case .group(let inner, _, _), .repetition(let inner, _, _, _), .lookaround(let inner, _, _):
            return inner.contains(where: predicate)
        default: return false
        }
    }

    /// True when the node contains a backreference (the matcher then has to track captures).
    var containsBackreference: Bool {
        contains { if case .backreference = $0 { true } else { false } }
    }

    /// True when the node contains a lookaround assertion.
    var containsLookaround: Bool {
        contains { if case .lookaround = $0 { true } else { false } }
    }

    /// True when the node contains `\b` or `\B` (generation writes nothing for them, so a string built for
    /// the pattern may still fail them).
    var containsWordBoundary: Bool {
        contains { if case .wordBoundary = $0 { true } else { false } }
    }

    /// True when every match must begin at input position 0 (the pattern starts with `^` on every path).
    var isAnchoredAtStart: Bool {
        switch self {
        case .startAnchor: return true
        case .sequence(let nodes): return nodes.first?.isAnchoredAtStart ?? false
        case .alternation(let nodes): return nodes.allSatisfy { $0.isAnchoredAtStart }
        case .group(let inner, _, _): return inner.isAnchoredAtStart
        default: return false
        }
    }
}
