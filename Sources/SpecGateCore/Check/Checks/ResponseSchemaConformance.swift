import SpecGateJSON

/// `response_schema_conformance`: a JSON body parses and validates against the schema documented for its
/// status and media type (every violation, enum values included).
public struct ResponseSchemaConformance: ResponseCheck {
    /// At most this many violations are reported per response; the rest are counted in one line.
    public var maxViolationsPerResponse: Int

    public init(maxViolationsPerResponse: Int = 20) {
        self.maxViolationsPerResponse = maxViolationsPerResponse
    }

    public let name = "response_schema_conformance"
    public let summary = "The body is valid JSON and matches the documented schema (including enum values)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        let response = input.response
        guard let documented = input.operation.response(for: response.status), !response.bodyTruncated else {
            return nil
        }
        let mediaType: MediaTypeSpec?
        if let contentType = response.contentType {
            let essence = MediaTypeSpec.essence(of: contentType)
            mediaType = documented.content.first { $0.matches(essence: essence) }
        } else {
            mediaType = documented.content.count == 1 ? documented.content.first : nil
        }
        guard let mediaType, mediaType.isJSON, let location = mediaType.schema else { return nil }
        guard let schema = schemas.schema(at: location) else {
            return [
                CheckViolation(
                    message:
                        "schema \(location) could not be compiled: \(schemas.compileErrors[location] ?? "unknown reason")",
                    schemaLocation: location, fingerprintDetail: "schema compile error"
                )
            ]
        }
        let body: JSONValue
        do {
            // A strict parse the judge made gives the same value as a last-wins one.
            body = try input.parsedBody ?? JSONParser(duplicateKeys: .lastWins).parse(response.body)
        } catch {
            return [
                CheckViolation(
                    message: "body is not valid JSON (\(error))",
                    expected: "JSON matching \(location)", actual: "malformed JSON",
                    schemaLocation: location, fingerprintDetail: "malformed json"
                )
            ]
        }
        let violations = schema.validate(body)
        var result = violations.prefix(maxViolationsPerResponse).map { violation in
            CheckViolation(
                message: violation.description,
                expected: "valid against \(violation.schemaLocation)",
                actual: ResponseSchemaConformance.excerpt(body.value(at: violation.instanceLocation)),
                instancePointer: violation.instanceLocation,
                schemaLocation: violation.schemaLocation,
                fingerprintDetail: ResponseSchemaConformance.normalised(violation.instanceLocation) + " "
                    + violation.keyword + " " + violation.schemaLocation.description
            )
        }
        if violations.count > maxViolationsPerResponse {
            result.append(
                CheckViolation(
                    message: "\(violations.count - maxViolationsPerResponse) more schema violations in this response",
                    schemaLocation: location, fingerprintDetail: "more violations"
                )
            )
        }
        return result
    }

    /// Array indices replaced by `*`, so the same defect in every list element is one finding.
    static func normalised(_ pointer: JSONPointer) -> String {
        JSONPointer(tokens: pointer.tokens.map { JSONPointer.arrayIndex($0) == nil ? $0 : "*" }).description
    }

    static func excerpt(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        let text = JSONWriter.compact(value)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
