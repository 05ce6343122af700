import SpecGateJSON

/// Adds a property to a body whose schema says `additionalProperties: false`.
public struct AdditionalPropertyNotAllowed: Mutation {
    public init() {}
    public var name: String { "additional-property" }
    public var description: String { "Add an undeclared property to a body with `additionalProperties: false`." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard let body = draft.body, let schema = body.schema, case .object(var object)? = body.value,
            context.isClosed(schema)
        else { return [] }
        var key = "specgateUnexpected"
        while object[key] != nil { key += "X" }
        object[key] = .string("unexpected")
        guard
            let mutant = context.bodyMutant(
                draft, value: .object(object), property: key, summary: "undeclared body property \(key) added")
        else { return [] }
        return [mutant]
    }
}
