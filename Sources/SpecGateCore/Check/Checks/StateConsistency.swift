import SpecGateJSON

/// `state_consistency`: after the earlier steps of a workflow, the resource reads back as they left it
/// (e.g. retrievable after creation, the new host after a reassignment, `cancelled` after cancellation).
/// Applies to workflow steps with `state` assertions that were answered 2xx.
public struct StateConsistency: ResponseCheck {
    public init() {}

    public let name = "state_consistency"
    public let summary = "A workflow step reads back the state the earlier steps left (suite `workflows` … `state`)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard !input.stateAssertions.isEmpty else { return nil }
        let status = input.response.status
        guard (200...299).contains(status) else {
            return [
                CheckViolation(
                    message: "the resource could not be read back (status \(status)) to check its state",
                    expected: "2xx", actual: String(status), fingerprintDetail: "state unreadable \(status)")
            ]
        }
        guard let body = input.parsedBody ?? (try? JSONParser().parse(input.response.body)) else {
            return [
                CheckViolation(
                    message: "the response body is not JSON; its state cannot be checked",
                    fingerprintDetail: "state not JSON")
            ]
        }
        return input.stateAssertions.compactMap { assertion in
            guard let actual = assertion.mismatch(in: body) else { return nil }
            return CheckViolation(
                message:
                    "after the earlier workflow steps, \(assertion.pointer) is \(actual); expected \(JSONWriter.compact(assertion.expected))",
                expected: JSONWriter.compact(assertion.expected), actual: actual, instancePointer: assertion.pointer,
                fingerprintDetail: "state \(assertion.pointer)")
        }
    }
}
