import SpecGateJSON

/// Sends a method the path does not declare (the path's probe operation only, see
/// `GenerationOptions.methodProbeOperations`): the first of GET, PUT, PATCH, DELETE, POST the path
/// lacks (GET only under `--safe`), with no body and the draft's generated path parameters (never a
/// linked resource). A conforming server answers 405 with `Allow` (RFC 9110 §15.5.6), judged by
/// `unsupported_method` alone.
public struct UnsupportedMethod: Mutation {
    public static let mutationName = "unsupported-method"
    public init() {}
    public var name: String { Self.mutationName }
    public var description: String { "Send a method the path does not declare; expect 405 with an `Allow` header." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard context.options.methodProbeOperations.contains(draft.operation.id),
            let method = Self.probeMethod(declared: context.pathMethods, safeOnly: context.options.safeMethodProbesOnly)
        else { return [] }
        var changed = draft
        changed.operation.method = method
        changed.body = nil
        let declared = context.pathMethods.map(\.wireName).joined(separator: ", ")
        return [
            Mutant(
                draft: changed, target: "/method", key: method.wireName,
                summary: "\(method.wireName) \(draft.operation.path), which declares only \(declared)",
                expected: .rejected(statuses: [405]))
        ]
    }

    /// The method to probe with: absent from the path (GET counts as present where HEAD is declared).
    static func probeMethod(declared: [HTTPMethod], safeOnly: Bool) -> HTTPMethod? {
        let candidates: [HTTPMethod] = safeOnly ? [.get] : [.get, .put, .patch, .delete, .post]
        return candidates.first { candidate in
            !declared.contains(candidate) && !(candidate == .get && declared.contains(.head))
        }
    }
}
