/// `negative_data_rejection`: an invalid case (missing or wrong header, bad body, bad parameter) is rejected
/// with a 4xx. Credential mutations are judged by `ignored_auth` instead; 5xx by `not_a_server_error`.
/// A 404 is accepted when a path parameter was generated: the server may look the resource up first.
public struct NegativeDataRejection: ResponseCheck {
    public init() {}

    public let name = "negative_data_rejection"
    public let summary = "An invalid request is rejected with a 4xx."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard !input.expectsSuccess, !input.isAuthMutation else { return nil }
        let status = input.response.status
        if status >= 500 { return nil }
        let mutation = input.mutation ?? "invalid input"
        if (400..<500).contains(status) {
            if input.expectedStatuses.isEmpty || input.expectedStatuses.contains(status) { return [] }
            if status == 404 && input.pathParametersGenerated { return [] }
            let expected = input.expectedStatuses.map(String.init).joined(separator: " or ")
            return [
                CheckViolation(
                    message: "\(mutation) was answered \(status); the case expects \(expected)",
                    expected: expected, actual: String(status),
                    fingerprintDetail: "\(mutation) answered \(status)"
                )
            ]
        }
        let expected = input.expectedStatuses.isEmpty ? "4xx" : input.expectedStatuses.map(String.init).joined(separator: " or ")
        return [
            CheckViolation(
                message: "\(mutation) was accepted with \(status); a conforming server rejects it with \(expected)",
                expected: expected, actual: String(status),
                fingerprintDetail: "\(mutation) accepted"
            )
        ]
    }
}
