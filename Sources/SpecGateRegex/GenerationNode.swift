/// A pattern's tree as generation walks it: the same shape as ``RegexNode``, with each character class's
/// members resolved once (``GenerationPalette``), so writing a character is an array pick, not a lookup.
indirect enum GenerationNode: Sendable {
    /// Writes nothing and always succeeds (the empty pattern, `\b`, `\B`).
    case empty
    case literal(UInt32)
    case anyExceptLineTerminator
    case characterClass(GenerationPalette.Members)
    case sequence([GenerationNode])
    case alternation([GenerationNode])
    case group(GenerationNode, index: Int?)
    case repetition(GenerationNode, min: Int, max: Int?)
    case startAnchor
    case endAnchor
    case lookaround(GenerationNode, behind: Bool, negated: Bool)
    case backreference(Int)

    init(_ node: RegexNode, members: (RegexCharacterClass) -> GenerationPalette.Members) {
        switch node {
        case .empty, .wordBoundary: self = .empty
        case .literal(let value): self = .literal(value)
        case .anyExceptLineTerminator: self = .anyExceptLineTerminator
        case .characterClass(let characterClass): self = .characterClass(members(characterClass))
        case .sequence(let nodes): self = .sequence(nodes.map { GenerationNode($0, members: members) })
        case .alternation(let nodes): self = .alternation(nodes.map { GenerationNode($0, members: members) })
        case .group(let inner, let index, _): self = .group(GenerationNode(inner, members: members), index: index)
        case .repetition(let inner, let min, let max, _):
            self = .repetition(GenerationNode(inner, members: members), min: min, max: max)
        case .startAnchor: self = .startAnchor
        case .endAnchor: self = .endAnchor
        case .lookaround(let inner, let behind, let negated):
            self = .lookaround(GenerationNode(inner, members: members), behind: behind, negated: negated)
        case .backreference(let group): self = .backreference(group)
        }
    }
}
