import SpecGateJSON
import SpecGateSchema

/// `response_headers_conformance`: headers the documented response marks required are present, and every
/// documented header that is present has a value its schema allows.
public struct ResponseHeadersConformance: ResponseCheck {
    public init() {}

    public let name = "response_headers_conformance"
    public let summary = "Documented required response headers are present and valid."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard let documented = input.operation.response(for: input.response.status), !documented.headers.isEmpty else {
            return nil
        }
        var violations: [CheckViolation] = []
        for header in documented.headers {
            guard let value = input.response.header(header.name) else {
                if header.required {
                    violations.append(
                        CheckViolation(
                            message: "required header \(header.name) is missing (status \(input.response.status))",
                            expected: "\(header.name) present", actual: "absent",
                            schemaLocation: header.source,
                            fingerprintDetail: "missing header \(header.name.lowercased())"
                        )
                    )
                }
                continue
            }
            guard let location = header.schema, let schema = schemas.schema(at: location) else { continue }
            if !ResponseHeadersConformance.accepts(schema, value) {
                let reasons = schema.validate(.string(value)).map(\.message).joined(separator: "; ")
                violations.append(
                    CheckViolation(
                        message:
                            "header \(header.name): \(JSONWriter.quote(value)) does not match its schema (\(reasons))",
                        expected: "a value valid against \(location)", actual: value,
                        schemaLocation: location,
                        fingerprintDetail: "invalid header \(header.name.lowercased())"
                    )
                )
            }
        }
        return violations
    }

    /// A header value is text; its schema may say integer, number or boolean. Whether the schema accepts
    /// the text or the JSON scalar it spells; a digit-led value (rate-limit counters) is tried as a number first.
    static func accepts(_ schema: CompiledSchema, _ value: String) -> Bool {
        let lead = value.utf8.first.map { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") } ?? false
        if lead, let number = JSONNumber(literal: value), schema.isValid(.number(number)) { return true }
        if schema.isValid(.string(value)) { return true }
        let trimmed = value.trimmingWhitespace()
        if !(lead && trimmed.utf8.count == value.utf8.count), let number = JSONNumber(literal: trimmed),
            schema.isValid(.number(number))
        {
            return true
        }
        return (trimmed == "true" && schema.isValid(.bool(true)))
            || (trimmed == "false" && schema.isValid(.bool(false)))
    }
}
