import SpecGateJSON

/// One invalid variant produced by a mutation.
public struct Mutant: Sendable, Hashable {
    /// How generation confirms the variant really is invalid before keeping it.
    public enum Check: Sendable, Hashable {
        /// Nothing the schema engine can judge (missing header, malformed JSON …).
        case none
        /// The value must be invalid against the schema, else the mutant is dropped.
        case mustViolate(value: JSONValue, schema: JSONLocation)
    }

    public var draft: RequestDraft
    /// What changed, as a JSON Pointer: "/header/cal-api-version", "/body/reason", "/path/userId".
    public var target: String
    /// Appended to the case id after the mutation name: "cal-api-version", "reason".
    public var key: String
    public var summary: String
    public var expected: ExpectedOutcome
    public var check: Check

    public init(
        draft: RequestDraft, target: String, key: String, summary: String, expected: ExpectedOutcome,
        check: Check = .none
    ) {
        self.draft = draft
        self.target = target
        self.key = key
        self.summary = summary
        self.expected = expected
        self.check = check
    }

    /// Expected for bad credentials.
    public static let unauthorized = ExpectedOutcome.rejected(statuses: [401])
    /// Expected for a bad body, parameter or header.
    public static let badRequest = ExpectedOutcome.rejected(statuses: [400, 422])
}
