import SpecGateJSON

/// Replaces a body property with a value of another JSON type.
public struct WrongPropertyType: Mutation {
    public init() {}
    public var name: String { "wrong-property-type" }
    public var description: String {
        "Give a body property a value of the wrong JSON type (string ↔ number, object → string …)."
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard let wrong = Self.wrongValue(for: context.types(of: schema)) else { return nil }
            var changed = object
            changed[name] = wrong
            return context.bodyMutant(
                draft, value: .object(changed), property: name,
                summary: "body property \(name) sent as \(wrong.typeName) \(wrong)")
        }
    }

    /// A value of a type outside `types`, or nil for untyped schemas.
    static func wrongValue(for types: [String]) -> JSONValue? {
        guard let first = types.first(where: { $0 != "null" }) else { return nil }
        switch first {
        case "string": return .number(JSONNumber(12345))
        case "number", "integer": return .string("abc")
        case "boolean": return .string("yes")
        case "array": return .string("not-an-array")
        case "object": return .string("not-an-object")
        default: return nil
        }
    }
}
