/// `status_code_conformance`: the status is documented for the operation (exact code, `4XX` range or `default`).
public struct StatusCodeConformance: ResponseCheck {
    public init() {}

    public let name = "status_code_conformance"
    public let summary = "The status code is documented (exact code, range such as 4XX, or default)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        let status = input.response.status
        guard input.operation.response(for: status) == nil else { return [] }
        let documented = input.operation.responses.map(\.status.description).joined(separator: ", ")
        return [
            CheckViolation(
                message: "status \(status) is not documented (documented: \(documented.isEmpty ? "none" : documented))",
                expected: documented, actual: String(status),
                fingerprintDetail: "undocumented \(status)"
            )
        ]
    }
}
