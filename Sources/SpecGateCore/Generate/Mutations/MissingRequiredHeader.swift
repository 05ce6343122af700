import SpecGateJSON

/// Leaves out a required header parameter (the credential header excepted).
public struct MissingRequiredHeader: Mutation {
    public init() {}
    public var name: String { "missing-required-header" }
    public var description: String { "Omit a header parameter the spec marks as required (e.g. `cal-api-version`)." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        draft.parameters.indices.compactMap { i in
            let p = draft.parameters[i]
            guard p.spec.location == .header, p.spec.required, !p.isCredential, p.value != nil else { return nil }
            var changed = draft
            changed.parameters[i].value = nil
            return Mutant(
                draft: changed, target: "/header/" + JSONPointer.escape(p.spec.name), key: p.spec.name,
                summary: "required header \(p.spec.name) omitted", expected: Mutant.badRequest)
        }
    }
}
