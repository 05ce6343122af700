import SpecGateJSON

/// Sends a non-numeric (or non-boolean) value for a typed path parameter.
public struct PathParameterWrongType: Mutation {
    public init() {}
    public var name: String { "path-parameter-wrong-type" }
    public var description: String { "Send `abc` for a path parameter declared as number, integer or boolean." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        draft.parameters.indices.compactMap { i in
            let p = draft.parameters[i]
            guard p.spec.location == .path, let schema = p.spec.schema,
                let wrong = Self.wrongText(for: context.types(of: schema))
            else { return nil }
            return context.parameterMutant(
                draft, index: i, value: wrong, summary: "path parameter \(p.spec.name) = \(wrong)")
        }
    }

    /// A string that is not a number or boolean, for typed parameters; nil for string parameters.
    static func wrongText(for types: [String]) -> JSONValue? {
        guard !types.isEmpty, !types.contains("string") else { return nil }
        if types.contains("number") || types.contains("integer") || types.contains("boolean") { return .string("abc") }
        return nil
    }
}
