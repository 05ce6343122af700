import SpecGateJSON

/// Sends a header fixed by the spec (`enum`/`const`) or the suite twice: once with its valid value, then
/// again with another value. HTTP lets a recipient combine the two lines into one list value
/// (RFC 9110 §5.3), which a fixed header does not allow, so a conforming server rejects it. Only a
/// transport that writes requests exactly (no merging or dropping of duplicates) can send this case.
public struct DuplicateHeader: Mutation {
    public init() {}
    public var name: String { "duplicate-header" }
    public var description: String {
        "Send a header fixed by `enum`/`const` or the suite twice with different values (`cal-api-version: 2024-08-13` and `cal-api-version: 1999-01-01`)."
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        WrongHeaderValue.fixedHeaders(in: draft, context: context).map { _, spec, current, fixedBySchema in
            let valid = ParameterSerializer.scalarText(current)
            let other = WrongHeaderValue.looksLikeDate(valid) ? "1999-01-01" : "specgate-invalid"
            var changed = draft
            changed.extraHeaders.append(RequestDraft.Header(name: spec.name, value: other))
            // What a recipient that combines the two lines sees: it must fall outside the fixed values.
            let combined = JSONValue.string(valid + ", " + other)
            let check: Mutant.Check =
                fixedBySchema ? spec.schema.map { .mustViolate(value: combined, schema: $0) } ?? .none : .none
            return Mutant(
                draft: changed, target: "/header/" + JSONPointer.escape(spec.name), key: spec.name,
                summary: "header \(spec.name) sent twice: \(valid) and \(other)", expected: Mutant.badRequest,
                check: check)
        }
    }
}
