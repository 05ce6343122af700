import SpecGateJSON

/// What a workflow step's response body must hold after the earlier steps (`state_consistency`):
/// the value at `pointer` equals `expected` (a number and the string spelling it count as equal,
/// since suite values may come from the environment).
public struct StateAssertion: Sendable, Hashable {
    public var pointer: JSONPointer
    public var expected: JSONValue

    public init(pointer: JSONPointer, expected: JSONValue) {
        self.pointer = pointer
        self.expected = expected
    }

    /// Nil when `body` holds the expected value, else what it holds instead ("absent" when nothing).
    public func mismatch(in body: JSONValue) -> String? {
        guard let actual = body.value(at: pointer) else { return "absent" }
        if actual == expected { return nil }
        if let a = RuntimeExpression.pathText(actual), let e = RuntimeExpression.pathText(expected), a == e {
            return nil
        }
        return JSONWriter.compact(actual)
    }
}
