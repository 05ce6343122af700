import SpecGateJSON

/// A fixed request-body value from the suite's `values`, e.g. `eventTypeId: 501`.
///
/// Key forms: `name` (a top-level body property), `/a/b` (a JSON pointer into the body),
/// `operationId.name` and `operationId#/a/b` (the same, for one operation only; these win over
/// the unscoped forms). A value is set only where the body's schema has the property (names) or
/// the parent exists (pointers), and only if the body still validates; a string that the schema
/// rejects is retried as the number or boolean it spells (`"501"` → 501), since environment
/// values are text.
public struct BodyValue: Sendable, Hashable {
    /// The operation (id or `operationId`) it is limited to; nil for every operation.
    public var operation: String?
    /// Where in the body.
    public var pointer: JSONPointer
    /// True for the `name` forms (the schema must declare the property).
    public var byName: Bool
    public var value: JSONValue

    public init(operation: String?, pointer: JSONPointer, byName: Bool, value: JSONValue) {
        self.operation = operation
        self.pointer = pointer
        self.byName = byName
        self.value = value
    }

    /// Parses a `values` key; nil when it is malformed.
    public init?(key: String, value: JSONValue) {
        if key.hasPrefix("/") {
            guard let pointer = JSONPointer(key) else { return nil }
            self.init(operation: nil, pointer: pointer, byName: false, value: value)
        } else if let hash = key.firstIndex(of: "#") {
            guard let pointer = JSONPointer(String(key[hash...])), hash > key.startIndex else { return nil }
            self.init(operation: String(key[..<hash]), pointer: pointer, byName: false, value: value)
        } else if let dot = key.lastIndex(of: ".") {
            let name = String(key[key.index(after: dot)...])
            guard dot > key.startIndex, !name.isEmpty else { return nil }
            self.init(operation: String(key[..<dot]), pointer: JSONPointer(tokens: [name]), byName: true, value: value)
        } else {
            guard !key.isEmpty else { return nil }
            self.init(operation: nil, pointer: JSONPointer(tokens: [key]), byName: true, value: value)
        }
    }

    /// Whether it applies to `operation`.
    public func applies(to operation: Operation) -> Bool {
        guard let scope = self.operation else { return true }
        return scope == operation.id || scope == operation.operationId
    }

    /// The value, and the number or boolean a string spells (tried when the string is rejected).
    public var candidates: [JSONValue] {
        guard case .string(let text) = value else { return [value] }
        if text == "true" { return [value, .bool(true)] }
        if text == "false" { return [value, .bool(false)] }
        if let number = JSONNumber(literal: text) { return [value, .number(number)] }
        return [value]
    }
}
