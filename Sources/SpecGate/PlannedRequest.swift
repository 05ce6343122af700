import SpecGateCore
import SpecGateRunner

/// One request a run would send (``ContractSuite/plan(against:options:)``), as `specgate plan` prints it.
public struct PlannedRequest: Sendable, Hashable {
    /// `<operation id>/valid/0`, `<operation id>/invalid/<mutation>/<target>`, …
    public var caseID: String
    public var operationID: String
    /// Whether the case is valid (expects success) or invalid (expects a rejection).
    public var isValid: Bool
    /// The statuses the case expects (`2xx`, `400|422`, …).
    public var expected: String
    /// What the case is.
    public var summary: String
    /// The workflow the request is a step of, nil for a generated case.
    public var workflow: String?
    /// A copy-pasteable curl command, secrets as `$VAR` placeholders.
    public var curl: String

    init(_ testCase: TestCase, workflow: String?, prepared: PreparedRun) {
        caseID = testCase.id
        operationID = testCase.operationID
        isValid = testCase.kind == .valid
        expected = testCase.expected.description
        summary = testCase.summary
        self.workflow = workflow
        curl = DryRun.curl(testCase.request, baseURL: prepared.baseURL, masker: prepared.masker)
    }
}
