import SpecGateJSON

/// Sends a query parameter value outside its `minimum`/`maximum` or `enum`.
public struct QueryParameterOutOfRange: Mutation {
    public init() {}
    public var name: String { "query-parameter-out-of-range" }
    public var description: String { "Send a query parameter value beyond `maximum`/`minimum` or outside its `enum`." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        draft.parameters.indices.compactMap { i in
            let p = draft.parameters[i]
            guard p.spec.location == .query, let schema = p.spec.schema else { return nil }
            let wrong: JSONValue
            if let above = AboveMaximum.aboveBound(context, schema) {
                wrong = .number(above)
            } else if let below = BelowMinimum.belowBound(context, schema) {
                wrong = .number(below)
            } else if let outside = ValueOutsideEnum.outsideValue(enumeration: context.keyword("enum", in: schema)) {
                wrong = outside
            } else {
                return nil
            }
            return context.parameterMutant(
                draft, index: i, value: wrong, summary: "query parameter \(p.spec.name) = \(wrong), out of range")
        }
    }
}
