import SpecGateJSON

/// Sends a string one code point shorter than `minLength`.
public struct StringTooShort: Mutation {
    public init() {}
    public var name: String { "string-too-short" }
    public var description: String { "Send a string one code point shorter than `minLength`." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard let min = context.keyword("minLength", in: schema)?.intValue, min > 0 else { return nil }
            var changed = object
            changed[name] = .string(String(repeating: "a", count: min - 1))
            return context.bodyMutant(
                draft, value: .object(changed), property: name,
                summary: "body property \(name) of length \(min - 1) < minLength \(min)")
        }
    }
}
