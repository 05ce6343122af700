import SpecGateJSON

/// Sends an optional header with a value its schema rejects: `abc` for a number, integer or boolean
/// header, or a value its `enum` lacks. (Required headers are `wrong-header-value`'s and
/// `missing-required-header`'s; the credential is the auth mutations'.)
public struct OptionalHeaderInvalid: Mutation {
    public init() {}
    public var name: String { "optional-header-invalid" }
    public var description: String {
        "Send an optional header of the wrong type (`abc` for a number) or outside its `enum`."
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        draft.parameters.indices.compactMap { i in
            let p = draft.parameters[i]
            guard p.spec.location == .header, !p.spec.required, !p.isCredential, let schema = p.spec.schema,
                context.options.fixedHeader(p.spec.name) == nil,
                context.options.parameterValue(operation: draft.operation, name: p.spec.name) == nil
            else { return nil }
            let wrong: JSONValue
            if let text = PathParameterWrongType.wrongText(for: context.types(of: schema)) {
                wrong = text
            } else if let outside = ValueOutsideEnum.outsideValue(enumeration: context.keyword("enum", in: schema)) {
                wrong = outside
            } else {
                return nil
            }
            return context.parameterMutant(
                draft, index: i, value: wrong,
                summary: "optional header \(p.spec.name): \(ParameterSerializer.scalarText(wrong))")
        }
    }
}
