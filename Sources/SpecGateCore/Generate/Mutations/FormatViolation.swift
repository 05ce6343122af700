import SpecGateJSON

/// Sends a string that is not of its declared `format`.
public struct FormatViolation: Mutation {
    public init() {}
    public var name: String { "format-violation" }
    public var description: String {
        "Send a string that is not a valid `format` value (date-time, email, uuid, uri …)."
    }

    static let checkedFormats: Set<String> = [
        "date-time", "date", "time", "email", "uri", "uuid", "ipv4", "ipv6", "hostname", "uri-reference",
    ]

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard case .string(let format)? = context.keyword("format", in: schema),
                Self.checkedFormats.contains(format),
                context.types(of: schema).contains("string")
            else { return nil }
            let wrong = "not a " + format
            var changed = object
            changed[name] = .string(wrong)
            return context.bodyMutant(
                draft, value: .object(changed), property: name, summary: "body property \(name) = \"\(wrong)\"")
        }
    }
}
