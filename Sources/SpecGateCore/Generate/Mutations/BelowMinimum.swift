import SpecGateJSON

/// Sends a number property just below its lower bound.
public struct BelowMinimum: Mutation {
    public init() {}
    public var name: String { "below-minimum" }
    public var description: String { "Send a number below `minimum` (or equal to an exclusive minimum)." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard let wrong = Self.belowBound(context, schema) else { return nil }
            var changed = object
            changed[name] = .number(wrong)
            return context.bodyMutant(
                draft, value: .object(changed), property: name,
                summary: "body property \(name) = \(wrong), below its minimum")
        }
    }

    /// The exclusive minimum itself, else `minimum - 1`.
    static func belowBound(_ context: MutationContext, _ schema: JSONLocation) -> JSONNumber? {
        if case .number(let e)? = context.keyword("exclusiveMinimum", in: schema) { return e }
        guard case .number(let m)? = context.keyword("minimum", in: schema) else { return nil }
        if context.keyword("exclusiveMinimum", in: schema) == .bool(true) { return m }
        return JSONNumber(m.doubleValue - 1)
    }
}
