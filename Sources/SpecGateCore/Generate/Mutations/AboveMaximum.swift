import SpecGateJSON

/// Sends a number property just above its upper bound.
public struct AboveMaximum: Mutation {
    public init() {}
    public var name: String { "above-maximum" }
    public var description: String { "Send a number above `maximum` (or equal to an exclusive maximum)." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard let wrong = Self.aboveBound(context, schema) else { return nil }
            var changed = object
            changed[name] = .number(wrong)
            return context.bodyMutant(
                draft, value: .object(changed), property: name,
                summary: "body property \(name) = \(wrong), above its maximum")
        }
    }

    /// The exclusive maximum itself, else `maximum + 1`.
    static func aboveBound(_ context: MutationContext, _ schema: JSONLocation) -> JSONNumber? {
        if case .number(let e)? = context.keyword("exclusiveMaximum", in: schema) { return e }
        guard case .number(let m)? = context.keyword("maximum", in: schema) else { return nil }
        if context.keyword("exclusiveMaximum", in: schema) == .bool(true) { return m }
        return JSONNumber(m.doubleValue + 1)
    }
}
