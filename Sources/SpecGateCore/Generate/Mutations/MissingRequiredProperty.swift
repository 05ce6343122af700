import SpecGateJSON

/// Removes a required property from the JSON body.
public struct MissingRequiredProperty: Mutation {
    public init() {}
    public var name: String { "missing-required-property" }
    public var description: String { "Remove a property the body schema lists in `required`." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard let body = draft.body, let schema = body.schema, case .object(var object)? = body.value else { return [] }
        let original = object
        return context.required(of: schema).compactMap { name in
            object = original
            guard object.removeValue(forKey: name) != nil else { return nil }
            return context.bodyMutant(
                draft, value: .object(object), property: name, summary: "required body property \(name) removed")
        }
    }
}
