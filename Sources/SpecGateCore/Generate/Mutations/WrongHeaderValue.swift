import SpecGateJSON

/// Sends a different value for a header the spec (`enum`/`const`) or the suite fixes.
public struct WrongHeaderValue: Mutation {
    public init() {}
    public var name: String { "wrong-header-value" }
    public var description: String {
        "Send another value for a header fixed by `enum`/`const` or by the suite (`cal-api-version: 1999-01-01`)."
    }

    /// The header parameters (credential aside) whose value is fixed by the spec (`enum`/`const`) or the
    /// suite, with their current value: what `wrong-header-value` and `duplicate-header` vary.
    static func fixedHeaders(
        in draft: RequestDraft, context: MutationContext
    ) -> [(index: Int, spec: ParameterSpec, current: JSONValue, fixedBySchema: Bool)] {
        draft.parameters.indices.compactMap { i in
            let p = draft.parameters[i]
            guard p.spec.location == .header, !p.isCredential, let current = p.value else { return nil }
            let fixedBySchema =
                p.spec.schema.map { context.keyword("enum", in: $0) != nil || context.keyword("const", in: $0) != nil }
                ?? false
            let fixedBySuite = context.options.fixedHeader(p.spec.name) != nil
            guard fixedBySchema || fixedBySuite else { return nil }
            return (i, p.spec, current, fixedBySchema)
        }
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        Self.fixedHeaders(in: draft, context: context).map { i, spec, current, fixedBySchema in
            let text = ParameterSerializer.scalarText(current)
            let wrong: JSONValue = .string(Self.looksLikeDate(text) ? "1999-01-01" : "specgate-invalid")
            var mutant = context.parameterMutant(
                draft, index: i, value: wrong,
                summary: "header \(spec.name) set to \(ParameterSerializer.scalarText(wrong))")
            if !fixedBySchema { mutant.check = .none }
            return mutant
        }
    }

    /// "YYYY-MM-DD".
    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { i, b in i == 4 || i == 7 || (b >= 48 && b <= 57) }
    }
}
