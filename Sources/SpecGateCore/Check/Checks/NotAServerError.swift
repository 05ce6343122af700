/// `not_a_server_error`: no response may be a 5xx, whatever the case.
public struct NotAServerError: ResponseCheck {
    public init() {}

    public let name = "not_a_server_error"
    public let summary = "No response is a server error (5xx)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        let status = input.response.status
        guard status >= 500 else { return [] }
        return [
            CheckViolation(
                message: "server error \(status)",
                expected: "a status below 500", actual: String(status),
                fingerprintDetail: "5xx"
            )
        ]
    }
}
