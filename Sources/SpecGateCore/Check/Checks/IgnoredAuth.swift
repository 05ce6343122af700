/// `ignored_auth`: a request with missing, malformed or unknown credentials is refused with 401 (or 403).
public struct IgnoredAuth: ResponseCheck {
    public init() {}

    public let name = "ignored_auth"
    public let summary = "Missing, malformed or unknown credentials are refused (401)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard input.isAuthMutation else { return nil }
        let status = input.response.status
        if status == 401 || status == 403 || status >= 500 { return [] }
        let mutation = input.mutation ?? "bad credentials"
        if (200..<400).contains(status) {
            return [
                CheckViolation(
                    message: "\(mutation): the request was accepted with \(status); authentication is not enforced",
                    expected: "401", actual: String(status),
                    fingerprintDetail: "\(mutation) accepted"
                )
            ]
        }
        return [
            CheckViolation(
                message: "\(mutation): answered \(status) instead of 401",
                expected: "401", actual: String(status),
                fingerprintDetail: "\(mutation) answered \(status)"
            )
        ]
    }
}
