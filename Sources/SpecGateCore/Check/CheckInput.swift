import SpecGateJSON

/// Everything a check needs to judge one exchange: the operation, what the case claimed, and the response.
/// The label's fields read as the input's own (`input.expectsSuccess`).
@dynamicMemberLookup
public struct CheckInput: Sendable {
    public var operation: Operation
    public var label: CaseLabel
    public var response: ObservedResponse
    /// The body already parsed as JSON (strictly: duplicate keys rejected), when the caller parsed it;
    /// nil means checks parse the body themselves.
    public var parsedBody: JSONValue?

    public init(operation: Operation, label: CaseLabel, response: ObservedResponse, parsedBody: JSONValue? = nil) {
        self.operation = operation
        self.label = label
        self.response = response
        self.parsedBody = parsedBody
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<CaseLabel, Value>) -> Value { label[keyPath: keyPath] }
}
