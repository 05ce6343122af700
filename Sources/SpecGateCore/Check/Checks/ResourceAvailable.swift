/// `resource_available`: a resource a link's producer created (2xx) is readable (2xx) right after, through
/// the read operation on its item path (e.g. `GET /v2/bookings/{bookingUid}` after `POST /v2/bookings`).
/// Judges only the run's automatic reads (`CaseLabel.stateProbe` of kind `created`).
public struct ResourceAvailable: ResponseCheck {
    public init() {}

    public let name = "resource_available"
    public let summary = "A resource a producer created (2xx) is readable (2xx) right after, by its read operation."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard let probe = input.stateProbe, probe.kind == .created else { return nil }
        let status = input.response.status
        guard !(200...299).contains(status) else { return [] }
        return [
            CheckViolation(
                message:
                    "\(probe.resource), created by \(probe.priorRequest) (answered \(probe.priorStatus)), could not be read right after (answered \(status)); the creating request: \(probe.priorCurl)",
                expected: "2xx", actual: String(status), fingerprintDetail: "created resource unreadable \(status)")
        ]
    }
}
