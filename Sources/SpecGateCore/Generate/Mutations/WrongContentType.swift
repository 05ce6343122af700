/// Sends the valid body under a Content-Type the operation does not accept.
public struct WrongContentType: Mutation {
    public init() {}
    public var name: String { "wrong-content-type" }
    public var description: String {
        "Send the body with a Content-Type the operation does not declare (`text/plain`)."
    }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard var body = draft.body, let value = body.value else { return [] }
        let declared = draft.operation.requestBody?.content ?? []
        guard let wrong = ["text/plain", "application/xml"].first(where: { t in !declared.contains { $0.matches(t) } })
        else { return [] }
        body.raw = BodyEncoder.encode(value, mediaType: body.mediaType).bytes
        body.contentType = wrong
        var changed = draft
        changed.body = body
        return [
            Mutant(
                draft: changed, target: "/header/Content-Type", key: "Content-Type", summary: "body sent as \(wrong)",
                expected: .rejected(statuses: [400, 415, 422]))
        ]
    }
}
