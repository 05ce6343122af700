/// The cases generated for one operation, and what could not be generated.
public struct CaseSet: Sendable, Hashable {
    public var operationID: String
    public var cases: [TestCase]
    public var findings: [GenerationFinding]

    public init(operationID: String, cases: [TestCase] = [], findings: [GenerationFinding] = []) {
        self.operationID = operationID
        self.cases = cases
        self.findings = findings
    }

    public var validCases: [TestCase] { cases.filter { $0.kind == .valid } }
    public var invalidCases: [TestCase] { cases.filter { $0.kind == .invalid } }
}
