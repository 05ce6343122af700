/// A JSON value. Objects keep their key order; equality follows JSON semantics
/// (numbers compare by value, objects ignore key order).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type name as JSON Schema spells it ("integer" for integral numbers).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var doubleValue: Double? { numberValue?.doubleValue }

    public var intValue: Int? { numberValue?.intValue }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Element of an array, or nil.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    /// The value at a JSON Pointer, or nil when the pointer does not resolve.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let i = JSONPointer.arrayIndex(token), i < a.count else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }

    /// Returns a copy with the value at `pointer` replaced (or inserted into its parent object).
    /// Returns nil when the parent does not exist.
    public func replacing(at pointer: JSONPointer, with newValue: JSONValue) -> JSONValue? {
        guard let first = pointer.tokens.first else { return newValue }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var o):
            if rest.tokens.isEmpty {
                o[first] = newValue
                return .object(o)
            }
            guard let child = o[first], let replaced = child.replacing(at: rest, with: newValue) else { return nil }
            o[first] = replaced
            return .object(o)
        case .array(var a):
            guard let i = JSONPointer.arrayIndex(first), i < a.count else { return nil }
            if rest.tokens.isEmpty {
                a[i] = newValue
                return .array(a)
            }
            guard let replaced = a[i].replacing(at: rest, with: newValue) else { return nil }
            a[i] = replaced
            return .array(a)
        default:
            return nil
        }
    }

    /// Returns a copy with the value at `pointer` removed, or nil when it does not exist.
    public func removing(at pointer: JSONPointer) -> JSONValue? {
        guard let first = pointer.tokens.first else { return nil }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var o):
            if rest.tokens.isEmpty {
                guard o.removeValue(forKey: first) != nil else { return nil }
                return .object(o)
            }
            guard let child = o[first], let removed = child.removing(at: rest) else { return nil }
            o[first] = removed
            return .object(o)
        case .array(var a):
            guard let i = JSONPointer.arrayIndex(first), i < a.count else { return nil }
            if rest.tokens.isEmpty {
                a.remove(at: i)
                return .array(a)
            }
            guard let removed = a[i].removing(at: rest) else { return nil }
            a[i] = removed
            return .array(a)
        default:
            return nil
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONWriter.compact(self) }
}
