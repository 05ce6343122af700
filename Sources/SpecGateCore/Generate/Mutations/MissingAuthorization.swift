/// Sends the request without its credential.
public struct MissingAuthorization: Mutation {
    public init() {}
    public var name: String { "missing-authorization" }
    public var description: String { "Omit the credential header (`Authorization`) where one is required; expect 401." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard context.requiresCredential(draft), let changed = context.replacingCredential(in: draft, with: nil) else {
            return []
        }
        let header = context.options.credential?.header ?? "Authorization"
        return [
            Mutant(
                draft: changed, target: context.credentialTarget, key: header, summary: "no \(header) header",
                expected: Mutant.unauthorized)
        ]
    }
}
