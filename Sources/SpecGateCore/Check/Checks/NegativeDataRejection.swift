/// `negative_data_rejection`: an invalid case (missing or wrong header, bad body, bad parameter) is rejected
/// with a 4xx. Credential mutations are judged by `ignored_auth` instead; 5xx by `not_a_server_error`.
/// Any 4xx counts as a rejection (the case's exact label, e.g. 400 or 422, is shown but not required),
/// except for statuses the suite states (`expectations`): then only those pass.
public struct NegativeDataRejection: ResponseCheck {
    public init() {}

    public let name = "negative_data_rejection"
    public let summary = "An invalid request is rejected with a 4xx."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard !input.expectsSuccess, !input.isAuthMutation else { return nil }
        let status = input.response.status
        if status >= 500 { return nil }
        let mutation = input.mutation ?? "invalid input"
        if input.exactStatuses {
            if input.expectedStatuses.contains(status) { return [] }
            let expected = input.expectedStatuses.map(String.init).joined(separator: " or ")
            return [
                CheckViolation(
                    message: "\(mutation) was answered \(status); the suite expects \(expected)",
                    expected: expected, actual: String(status), fingerprintDetail: "\(mutation) answered \(status)")
            ]
        }
        // Any 4xx is a rejection: the server may look a resource up (404) or check another rule first.
        if (400..<500).contains(status) { return [] }
        let expected =
            input.expectedStatuses.isEmpty ? "4xx" : input.expectedStatuses.map(String.init).joined(separator: " or ")
        return [
            CheckViolation(
                message: "\(mutation) was accepted with \(status); a conforming server rejects it with \(expected)",
                expected: expected, actual: String(status),
                fingerprintDetail: "\(mutation) accepted"
            )
        ]
    }
}
