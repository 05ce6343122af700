import SpecGateJSON

/// `resource_persisted`: after a state-changing request under a resource's item path answered 2xx with
/// fields of that resource (e.g. Cal.com's `POST /v2/bookings/{bookingUid}/reassign/{userId}` answering
/// `reassignedTo`), a read of the resource right after agrees with the answer on the fields both hold
/// (``PersistedFields``). Judges only the run's automatic reads (`CaseLabel.stateProbe` of kind `changed`).
public struct ResourcePersisted: ResponseCheck {
    public init() {}

    public let name = "resource_persisted"
    public let summary =
        "After a 2xx state change, a read of the resource agrees with the answer on the fields both hold."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard let probe = input.stateProbe, case .changed(let answer) = probe.kind else { return nil }
        // Anything but a 2xx read (404, 429, 5xx) says nothing about what was persisted.
        guard (200...299).contains(input.response.status),
            let body = input.parsedBody ?? (try? JSONParser().parse(input.response.body)),
            let comparisons = PersistedFields.compare(answer: answer, read: body)
        else { return [] }
        let again = probe.rereadAfterMilliseconds.map { " (and again \($0) ms later)" } ?? ""
        let before =
            "\(probe.priorRequest) answered \(probe.priorStatus) for \(probe.resource); the changing request: \(probe.priorCurl)"
        return comparisons.filter { !$0.agrees }.map { comparison in
            let expected = JSONWriter.compact(comparison.expected)
            let actual = comparison.actual.map(JSONWriter.compact) ?? "absent"
            return CheckViolation(
                message:
                    "\(before); it answered \(comparison.pointer) = \(expected), but a read right after\(again) answered \(input.response.status) with \(comparison.readAt) = \(actual)",
                expected: expected, actual: actual,
                instancePointer: comparison.readAt == comparison.pointer.description ? comparison.pointer : nil,
                fingerprintDetail: "not persisted \(probe.priorOperation) \(comparison.pointer)")
        }
    }
}
