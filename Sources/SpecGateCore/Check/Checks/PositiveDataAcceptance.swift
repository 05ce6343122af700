/// `positive_data_acceptance`: a valid case is not rejected. A 404 is accepted when a path parameter was
/// generated (the resource need not exist); 401 is accepted only when no credential was configured.
public struct PositiveDataAcceptance: ResponseCheck {
    public init() {}

    public let name = "positive_data_acceptance"
    public let summary = "A valid request is not rejected with a 4xx (404 allowed for generated path parameters)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard input.expectsSuccess else { return nil }
        let status = input.response.status
        guard (400..<500).contains(status) else { return [] }
        if status == 404 && input.pathParametersGenerated { return [] }
        if !input.expectedStatuses.isEmpty && input.expectedStatuses.contains(status) { return [] }
        return [
            CheckViolation(
                message: "a valid request was rejected with \(status)",
                expected: input.expectedStatuses.isEmpty ? "2xx" : input.expectedStatuses.map(String.init).joined(separator: " or "),
                actual: String(status),
                fingerprintDetail: "valid rejected \(status)"
            )
        ]
    }
}
