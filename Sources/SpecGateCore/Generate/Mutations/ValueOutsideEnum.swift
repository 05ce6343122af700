import SpecGateJSON

/// Sends a body property value that its `enum` does not list.
public struct ValueOutsideEnum: Mutation {
    public init() {}
    public var name: String { "value-outside-enum" }
    public var description: String { "Send a body property value its `enum` does not list." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard let wrong = Self.outsideValue(enumeration: context.keyword("enum", in: schema)) else { return nil }
            var changed = object
            changed[name] = wrong
            return context.bodyMutant(
                draft, value: .object(changed), property: name,
                summary: "body property \(name) = \(wrong), not in its enum")
        }
    }

    /// A value of the enum's own type that the enum lacks.
    static func outsideValue(enumeration: JSONValue?) -> JSONValue? {
        guard case .array(let values)? = enumeration, !values.isEmpty else { return nil }
        if values.contains(where: { $0.stringValue != nil }) {
            var candidate = "specgate-not-in-enum"
            while values.contains(.string(candidate)) { candidate += "-x" }
            return .string(candidate)
        }
        let numbers = values.compactMap(\.numberValue)
        if let top = numbers.max() {
            return .number(
                JSONNumber(literal: String((top.intValue ?? Int(top.doubleValue)) + 1)) ?? JSONNumber(987_654_321))
        }
        return nil
    }
}
