import SpecGateJSON

/// The shape of a JSON response body: which fields are present, their JSON types, and the values seen
/// where the documented schema declares an `enum`, by JSON pointer with array indices collapsed to `*`
/// (`/data/*/status`). Other values (ids, timestamps, names) are not part of the shape: two servers may
/// legitimately answer different values, never a different shape.
public struct ResponseShape: Sendable, Hashable {
    /// JSON types seen at each collapsed pointer (`null`, `boolean`, `number`, `string`, `array`, `object`;
    /// integers count as `number`). The root is `""`.
    public var types: [String: Set<String>]
    /// Values (compact JSON) seen at the pointers of documented enums.
    public var enumValues: [String: Set<String>]

    public init(types: [String: Set<String>] = [:], enumValues: [String: Set<String>] = [:]) {
        self.types = types
        self.enumValues = enumValues
    }

    /// Deepest level walked; deeper values are not part of the shape.
    public static let maxDepth = 32

    /// The shape of `body`; `enumPointers` are the collapsed pointers whose values are recorded.
    public static func extract(_ body: JSONValue, enumPointers: Set<String> = []) -> ResponseShape {
        var shape = ResponseShape()
        shape.walk(body, pointer: "", depth: 0, enumPointers: enumPointers)
        return shape
    }

    /// The collapsed pointer of an instance path (`["data", "*", "status"]` → `/data/*/status`).
    public static func pointer(_ path: [String]) -> String {
        path.map { "/" + ($0 == "*" ? "*" : JSONPointer.escape($0)) }.joined()
    }

    private mutating func walk(_ value: JSONValue, pointer: String, depth: Int, enumPointers: Set<String>) {
        types[pointer, default: []].insert(Self.typeName(value))
        if enumPointers.contains(pointer) {
            switch value {
            case .string, .number, .bool, .null: enumValues[pointer, default: []].insert(JSONWriter.compact(value))
            case .array, .object: break
            }
        }
        guard depth < Self.maxDepth else { return }
        switch value {
        case .object(let object):
            for (key, member) in object {
                walk(
                    member, pointer: pointer + "/" + JSONPointer.escape(key), depth: depth + 1,
                    enumPointers: enumPointers)
            }
        case .array(let items):
            for item in items { walk(item, pointer: pointer + "/*", depth: depth + 1, enumPointers: enumPointers) }
        case .null, .bool, .number, .string:
            break
        }
    }

    /// JSON type name with integers folded into `number` (`1` and `1.5` are the same shape).
    static func typeName(_ value: JSONValue) -> String {
        if case .number = value { return "number" }
        return value.typeName
    }
}
