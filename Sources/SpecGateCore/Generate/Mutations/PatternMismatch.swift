import SpecGateJSON
import SpecGateRegex

/// Sends a string its `pattern` does not match.
public struct PatternMismatch: Mutation {
    public init() {}
    public var name: String { "pattern-mismatch" }
    public var description: String { "Send a string that its `pattern` does not match." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        context.bodyProperties(draft).compactMap { name, schema, object in
            guard case .string(let pattern)? = context.keyword("pattern", in: schema),
                let regex = try? ECMARegex(pattern),
                let wrong = Self.nonMatch(regex, rng: &rng)
            else { return nil }
            var changed = object
            changed[name] = .string(wrong)
            return context.bodyMutant(
                draft, value: .object(changed), property: name,
                summary: "body property \(name) = \"\(wrong)\", not matching /\(pattern)/")
        }
    }

    /// A short unlikely string the regex does not match, else one the regex engine generates.
    static func nonMatch(_ regex: ECMARegex, rng: inout SplitMix64) -> String? {
        if let simple = ["~", "!!", "specgate does not match", "0", " "].first(where: {
            regex.search(in: $0) == .notMatched
        }) {
            return simple
        }
        guard let generated = regex.generateNonMatch(using: &rng), regex.search(in: generated) == .notMatched else {
            return nil
        }
        return generated
    }
}
