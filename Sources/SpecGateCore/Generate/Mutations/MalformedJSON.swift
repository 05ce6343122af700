/// Sends a JSON body that does not parse.
public struct MalformedJSON: Mutation {
    public init() {}
    public var name: String { "malformed-json" }
    public var description: String { "Send a JSON body that is cut off mid-object, with a JSON Content-Type." }

    public func mutants(of draft: RequestDraft, context: MutationContext, rng: inout SplitMix64) -> [Mutant] {
        guard var body = draft.body,
            MediaTypeSpec(mediaType: body.mediaType, schema: nil, source: draft.operation.source).isJSON
        else { return [] }
        body.raw = Array("{\"specgate\": ".utf8)
        body.value = nil
        body.contentType = body.contentType ?? MediaTypeSpec.essence(of: body.mediaType)
        var changed = draft
        changed.body = body
        return [
            Mutant(
                draft: changed, target: "/body", key: "body", summary: "body is not valid JSON",
                expected: Mutant.badRequest)
        ]
    }
}
