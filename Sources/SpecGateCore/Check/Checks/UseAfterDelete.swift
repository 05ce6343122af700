import SpecGateJSON

/// `use_after_delete`: after a successful `DELETE` of a resource, its read answers 404 or 410; after a
/// state-changing request answered 2xx with a terminal status (e.g. Cal.com's cancel answering
/// `"status": "cancelled"`), the read answers 404 or 410, or shows that status (Cal.com keeps a cancelled
/// booking readable). Judges only the run's automatic reads (`CaseLabel.stateProbe` of kind `removed`).
public struct UseAfterDelete: ResponseCheck {
    public init() {}

    public let name = "use_after_delete"
    public let summary = "After a 2xx DELETE (or cancel), the read answers 404/410 or shows the terminal status."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard let probe = input.stateProbe, case .removed(let terminal) = probe.kind else { return nil }
        let status = input.response.status
        if status == 404 || status == 410 { return [] }
        // Anything but a 2xx (401, 429, 5xx) says nothing about the deletion.
        guard (200...299).contains(status) else { return [] }
        let before =
            "\(probe.resource) was removed by \(probe.priorRequest) (answered \(probe.priorStatus)); the removing request: \(probe.priorCurl)"
        guard let terminal else {
            return [
                CheckViolation(
                    message: "\(before); a read right after still answered \(status) instead of 404 or 410",
                    expected: "404 or 410", actual: String(status), fingerprintDetail: "deleted resource readable")
            ]
        }
        guard let body = input.parsedBody ?? (try? JSONParser().parse(input.response.body)) else {
            return [
                CheckViolation(
                    message:
                        "\(before); a read right after answered \(status) with a body that is not JSON, so \(terminal.pointer) cannot show \(JSONWriter.compact(terminal.expected))",
                    expected: JSONWriter.compact(terminal.expected), actual: "not JSON",
                    fingerprintDetail: "ended resource not JSON")
            ]
        }
        guard let actual = terminal.mismatch(in: body) else { return [] }
        return [
            CheckViolation(
                message:
                    "\(before), which answered \(terminal.pointer) = \(JSONWriter.compact(terminal.expected)); a read right after answered \(status) with \(terminal.pointer) = \(actual)",
                expected: JSONWriter.compact(terminal.expected), actual: actual, instancePointer: terminal.pointer,
                fingerprintDetail: "ended resource \(terminal.pointer)")
        ]
    }
}
