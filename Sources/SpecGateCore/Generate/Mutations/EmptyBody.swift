/// Sends no body content where the operation requires one.
public struct EmptyBody: Mutation {
    public init() {}
    public var name: String { "empty-body" }
    public var description: String { "Send an empty body (Content-Type kept) where `requestBody.required` is true." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard draft.operation.requestBody?.required == true, var body = draft.body else { return [] }
        body.contentType =
            body.value.map { BodyEncoder.encode($0, mediaType: body.mediaType).contentType } ?? body.contentType
        body.raw = []
        body.value = nil
        var changed = draft
        changed.body = body
        return [
            Mutant(
                draft: changed, target: "/body", key: "body", summary: "required body left empty",
                expected: Mutant.badRequest)
        ]
    }
}
