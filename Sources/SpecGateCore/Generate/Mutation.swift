/// One way of making a valid request invalid. Each conformer lives in `Generate/Mutations/`.
public protocol Mutation: Sendable {
    /// Kebab-case name, used in case ids ("missing-required-header").
    var name: String { get }
    /// One line for documentation tables.
    var description: String { get }
    /// Invalid variants of a valid draft (possibly none). Each changes exactly one thing.
    func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant]
}
