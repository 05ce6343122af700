import SpecGateJSON

/// One generated request with what the server is expected to answer.
public struct TestCase: Sendable, Hashable {
    /// Stable id: "<operationId>/valid/0", "<operationId>/invalid/missing-required-header/cal-api-version".
    public var id: String
    public var operationID: String
    public var kind: CaseKind
    /// The mutation that made the request invalid (kebab-case name), nil for valid cases.
    public var mutation: String?
    /// JSON Pointer of what changed, e.g. "/header/cal-api-version", "/body/reason", "/path/userId".
    public var target: String?
    public var summary: String
    public var expected: ExpectedOutcome
    public var request: PreparedRequest
    /// The body as JSON when it is one (nil for no body or a deliberately malformed one).
    public var bodyValue: JSONValue?

    public init(
        id: String, operationID: String, kind: CaseKind, mutation: String? = nil, target: String? = nil,
        summary: String,
        expected: ExpectedOutcome, request: PreparedRequest, bodyValue: JSONValue? = nil
    ) {
        self.id = id
        self.operationID = operationID
        self.kind = kind
        self.mutation = mutation
        self.target = target
        self.summary = summary
        self.expected = expected
        self.request = request
        self.bodyValue = bodyValue
    }
}
