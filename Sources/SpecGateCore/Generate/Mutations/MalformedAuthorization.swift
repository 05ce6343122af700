/// Sends the secret without its scheme word (no `Bearer`).
public struct MalformedAuthorization: Mutation {
    public init() {}
    public var name: String { "malformed-authorization" }
    public var description: String { "Send the secret without the `Bearer` scheme; expect 401." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard let credential = context.options.credential, credential.scheme != nil, context.requiresCredential(draft),
            let changed = context.replacingCredential(in: draft, with: credential.secret)
        else { return [] }
        return [
            Mutant(
                draft: changed, target: context.credentialTarget, key: credential.header,
                summary: "\(credential.header) without the \(credential.scheme ?? "") scheme",
                expected: Mutant.unauthorized)
        ]
    }
}
