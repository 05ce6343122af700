/// `content_type_conformance`: a response with a body carries a `Content-Type` that the documented
/// response for its status lists.
public struct ContentTypeConformance: ResponseCheck {
    public init() {}

    public let name = "content_type_conformance"
    public let summary = "The Content-Type is one the documented response lists."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard let documented = input.operation.response(for: input.response.status), !documented.content.isEmpty else {
            return nil
        }
        var listed: String { documented.content.map(\.mediaType).joined(separator: ", ") }
        guard let actual = input.response.contentType else {
            if input.response.body.isEmpty { return nil }
            return [
                CheckViolation(
                    message: "response has a body but no Content-Type (documented: \(listed))",
                    expected: listed, actual: "none", fingerprintDetail: "missing content-type"
                )
            ]
        }
        let essence = MediaTypeSpec.essence(of: actual)
        if documented.content.contains(where: { $0.matches(essence: essence) }) { return [] }
        return [
            CheckViolation(
                message:
                    "Content-Type \(actual) is not documented for status \(input.response.status) (documented: \(listed))",
                expected: listed, actual: actual,
                fingerprintDetail: "content-type \(MediaTypeSpec.essence(of: actual)) for \(documented.status)"
            )
        ]
    }
}
