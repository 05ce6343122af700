/// Sends a well-formed credential the server cannot know (`Bearer cal_` + random hex).
public struct UnknownCredential: Mutation {
    public init() {}
    public var name: String { "unknown-credential" }
    public var description: String {
        "Send a well-formed but unknown credential (`Bearer cal_` + random hex); expect 401."
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard let credential = context.options.credential, context.requiresCredential(draft) else { return [] }
        let digits = Array("0123456789abcdef")
        let forged = (credential.prefix ?? "") + String((0..<32).map { _ in digits[rng.index(16)] })
        guard let changed = context.replacingCredential(in: draft, with: credential.headerValue(secret: forged)) else {
            return []
        }
        return [
            Mutant(
                draft: changed, target: context.credentialTarget, key: credential.header,
                summary: "unknown credential \(credential.headerValue(secret: forged))", expected: Mutant.unauthorized)
        ]
    }
}
