import SpecGateJSON

/// Sends an array query parameter whose items are valid but for one: a value the items' `enum` lacks,
/// or (for numeric or boolean items) `abc`, serialised per the parameter's `style`/`explode`
/// (`status=upcoming,specgate-not-in-enum`).
public struct QueryArrayItemInvalid: Mutation {
    public init() {}
    public var name: String { "query-array-item-invalid" }
    public var description: String {
        "Send an array query parameter with a valid item and one outside the items' `enum` (or of the wrong type)."
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        draft.parameters.indices.compactMap { i in
            let p = draft.parameters[i]
            guard p.spec.location == .query, !p.isCredential, let schema = p.spec.schema,
                context.types(of: schema) == ["array"]
            else { return nil }
            guard
                let items = context.parts(of: schema).first(where: { $0.object["items"] != nil })?.location.appending(
                    "items")
            else { return nil }
            let current = p.value?.arrayValue?.first
            let valid: JSONValue?
            let wrong: JSONValue
            let what: String
            if case .array(let values)? = context.keyword("enum", in: items), !values.isEmpty,
                let outside = ValueOutsideEnum.outsideValue(enumeration: .array(values))
            {
                valid = current.flatMap { values.contains($0) ? $0 : nil } ?? values.first
                wrong = outside
                what = "not in the items' enum"
            } else if let text = PathParameterWrongType.wrongText(for: context.types(of: items)) {
                // Without a valid item to keep, `query-parameter-wrong-type` already sends [abc].
                guard let current else { return nil }
                valid = current
                wrong = text
                what = "of the wrong type"
            } else {
                return nil
            }
            let value: JSONValue = .array((valid.map { [$0] } ?? []) + [wrong])
            let shown = ParameterSerializer.serialize(value, for: p.spec)
            return context.parameterMutant(draft, index: i, value: value, summary: "query \(shown): one item \(what)")
        }
    }
}
