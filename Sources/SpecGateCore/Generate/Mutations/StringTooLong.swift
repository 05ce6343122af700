import SpecGateJSON

/// Sends a string one code point longer than `maxLength`.
public struct StringTooLong: Mutation {
    public init() {}
    public var name: String { "string-too-long" }
    public var description: String { "Send a string one code point longer than `maxLength`." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard let max = context.keyword("maxLength", in: schema)?.intValue, max < 100_000 else { return nil }
            var changed = object
            changed[name] = .string(String(repeating: "a", count: max + 1))
            return context.bodyMutant(
                draft, value: .object(changed), property: name,
                summary: "body property \(name) of length \(max + 1) > maxLength \(max)")
        }
    }
}
