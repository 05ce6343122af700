/// `cross_user_access`: a resource the owner created is refused (401, 403 or 404) to every other identity
/// of the suite. Judges only the requests the run sends as another identity (`CaseLabel.crossUser`).
public struct CrossUserAccess: ResponseCheck {
    public init() {}

    public let name = "cross_user_access"
    public let summary = "Resources the owner created are refused (401, 403, 404) to the suite's other identities."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard let probe = input.crossUser else { return nil }
        let status = input.response.status
        if probe.changed == true {
            return [
                CheckViolation(
                    message:
                        "identity \(probe.identity) (\(probe.identityCredential)) changed \(probe.resource), created by the owner (\(probe.ownerCredential)) with \(probe.ownerRequest): the owner's read afterwards differs from the one before (answered \(status))",
                    expected: "the resource unchanged", actual: "changed",
                    fingerprintDetail: "\(probe.identity) changed the resource")
            ]
        }
        guard (200..<300).contains(status) else { return [] }
        return [
            CheckViolation(
                message:
                    "identity \(probe.identity) (\(probe.identityCredential)) got \(status) for \(probe.resource), created by the owner (\(probe.ownerCredential)) with \(probe.ownerRequest); another user's resource must answer 401, 403 or 404",
                expected: "401, 403 or 404", actual: String(status),
                fingerprintDetail: "\(probe.identity) accepted")
        ]
    }
}
