import SpecGateJSON

/// Sends a non-numeric (or non-boolean) value for a typed query parameter.
public struct QueryParameterWrongType: Mutation {
    public init() {}
    public var name: String { "query-parameter-wrong-type" }
    public var description: String {
        "Send `abc` for a query parameter declared as number, integer or boolean (or an array of them)."
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        draft.parameters.indices.compactMap { i in
            let p = draft.parameters[i]
            guard p.spec.location == .query, let schema = p.spec.schema else { return nil }
            let types = context.types(of: schema)
            let wrong: JSONValue?
            if types == ["array"] {
                wrong = PathParameterWrongType.wrongText(for: context.types(of: schema.appending("items"))).map {
                    .array([$0])
                }
            } else {
                wrong = PathParameterWrongType.wrongText(for: types)
            }
            guard let wrong else { return nil }
            return context.parameterMutant(
                draft, index: i, value: wrong, summary: "query parameter \(p.spec.name) = \(wrong)")
        }
    }
}
