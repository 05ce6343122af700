/// What generating strings for one pattern draws from, computed once when the pattern is parsed: the
/// members of each character class split by kind, and the printable ASCII characters the classes exclude.
///
/// Generation picks one member per class occurrence for every character it writes, so building these
/// per character (as a `ScalarSet` scan of the 128 ASCII code points) dominated string generation.
struct GenerationPalette: Sendable {
    /// One class's members, by preference: alphanumeric, then printable, then any ASCII. A class: the tree
    /// holds it in every occurrence of the class, and generation binds it per character written (one
    /// retain, not one per array).
    final class Members: Sendable {
        let set: ScalarSet
        let ascii: [UInt32]
        let printable: [UInt32]
        let alphanumeric: [UInt32]

        init(_ set: ScalarSet) {
            self.set = set
            ascii = set.asciiMembers
            printable = ascii.filter { (0x20...0x7E).contains($0) }
            alphanumeric = printable.filter {
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
            }
        }
    }

    private var classes: [RegexCharacterClass: Members] = [:]
    /// Printable ASCII characters excluded by the pattern's classes (e.g. `<` for `[^<>]`), used by mutations.
    private(set) var excluded: [UInt32] = []

    /// The pattern's tree with every class's members resolved.
    private(set) var tree: GenerationNode = .empty
    /// Attempts before generation gives up: more when lookarounds or backreferences make candidates fail.
    private(set) var attempts = 30
    /// Every string generation builds for the pattern matches it: the tree has no lookaround,
    /// backreference or word boundary (the nodes generation cannot honour by construction; anchors are
    /// checked as they are written). Such strings need no verification by the matcher.
    private(set) var exact = false

    init(_ node: RegexNode) {
        collect(node)
        tree = GenerationNode(node) { members(of: $0) }
        let retried = node.containsLookaround || node.containsBackreference
        attempts = retried ? 120 : 30
        exact = !retried && !node.containsWordBoundary
    }

    /// The members of a class of this pattern.
    func members(of characterClass: RegexCharacterClass) -> Members {
        classes[characterClass] ?? Members(ScalarSet(characterClass))
    }

    private mutating func collect(_ node: RegexNode) {
        switch node {
        case .characterClass(let characterClass):
            let members = classes[characterClass] ?? Members(ScalarSet(characterClass))
            classes[characterClass] = members
            let outside = (UInt32(0x20)...0x7E).filter { !members.set.contains($0) }
            let stride = Swift.max(1, outside.count / 6)
            for index in Swift.stride(from: 0, to: outside.count, by: stride) where !excluded.contains(outside[index]) {
                excluded.append(outside[index])
            }
        case .sequence(let nodes), .alternation(let nodes):
            for child in nodes { collect(child) }
        case .group(let inner, _, _), .repetition(let inner, _, _, _), .lookaround(let inner, _, _):
            collect(inner)
        default:
            break
        }
    }
}
