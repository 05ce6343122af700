/// `positive_data_acceptance`: a valid case is not rejected with a 4xx. A 404 is accepted when something in
/// the request was generated (a path identifier, a reference in the body such as an event type): it
/// need not exist. When the path identifiers are real (taken from links and the suite), a 404 fails.
public struct PositiveDataAcceptance: ResponseCheck {
    public init() {}

    public let name = "positive_data_acceptance"
    public let summary =
        "A valid request is not rejected with a 4xx (404 allowed unless its identifiers are real: linked or from the suite)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard input.expectsSuccess else { return nil }
        let status = input.response.status
        guard (400..<500).contains(status) else { return [] }
        if status == 404 && !input.identifiersResolved { return [] }
        if !input.expectedStatuses.isEmpty && input.expectedStatuses.contains(status) { return [] }
        return [
            CheckViolation(
                message: "a valid request was rejected with \(status)",
                expected: input.expectedStatuses.isEmpty
                    ? "2xx" : input.expectedStatuses.map(String.init).joined(separator: " or "),
                actual: String(status),
                fingerprintDetail: "valid rejected \(status)"
            )
        ]
    }
}
