import SpecGateJSON
import SpecGateRegex

/// A link from a compiled node to a subschema node, with the keyword path tokens
/// (relative to the parent schema) used to build keyword locations lazily.
struct Edge: Sendable {
    var node: Int
    var path: [String]
}

/// JSON Schema primitive types as a bit set.
struct TypeSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let integer = TypeSet(rawValue: 32)
    static let string = TypeSet(rawValue: 64)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("integer", .integer), ("string", .string),
    ]

    /// Whether `value` is one of the types (integers are numbers; `1.0` is an integer).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .number(let n): return contains(.number) || (contains(.integer) && n.isInteger)
        }
    }

    /// "string", "string or null".
    var listing: String {
        TypeSet.names.filter { contains($0.1) }.map(\.0).joined(separator: " or ")
    }
}

/// A compiled `pattern`: a regex, or the reason the pattern is not a valid regular expression.
enum PatternMatcher: Sendable {
    case regex(ECMARegex)
    case invalid(String)
}

/// A `patternProperties` entry.
struct PatternEdge: Sendable {
    var source: String
    var matcher: PatternMatcher
    var edge: Edge
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema, applied together.
struct ObjectApplicator: Sendable {
    var properties: [String: Edge]
    var patterns: [PatternEdge]
    var additional: Edge?
}

/// `prefixItems`/`items` (2020-12) or array-form `items`/`additionalItems` (draft 4).
struct ArrayApplicator: Sendable {
    var prefix: [Edge]
    var rest: Edge?
    /// Keyword that `rest` came from ("items" or "additionalItems").
    var restKeyword: String
}

/// `dependentRequired` / array-valued `dependencies` entry.
struct DependentRequirement: Sendable {
    var property: String
    var required: [String]
}

/// `dependentSchemas` / schema-valued `dependencies` entry.
struct DependentSchema: Sendable {
    var property: String
    var edge: Edge
}

/// OpenAPI `discriminator`: the named property picks the branch to validate against.
struct DiscriminatorCheck: Sendable {
    var propertyName: String
    /// Discriminator value → branch (explicit `mapping` plus implicit schema names).
    var choices: [String: Edge]
    /// Whether a branch must be selected (the schema has `oneOf`/`anyOf`).
    var selectsBranch: Bool
}

/// One compiled keyword of a schema.
enum Check: Sendable {
    case type(TypeSet, nullable: Bool)
    case enumeration(values: [JSONValue], lookup: Set<[UInt8]>?, allowsNull: Bool)
    case constant(JSONValue)
    case minimum(JSONNumber, exclusive: Bool, keyword: String)
    case maximum(JSONNumber, exclusive: Bool, keyword: String)
    case multipleOf(JSONNumber)
    case minLength(Int)
    case maxLength(Int)
    case pattern(source: String, matcher: PatternMatcher)
    case format(FormatChecker.Kind, name: String)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minProperties(Int)
    case maxProperties(Int)
    case required([String])
    case dependentRequired([DependentRequirement], keyword: String)
    case object(ObjectApplicator)
    case array(ArrayApplicator)
    case contains(Edge, min: Int, max: Int?, minKeyword: String)
    case propertyNames(Edge)
    case dependentSchemas([DependentSchema])
    case allOf([Edge])
    case anyOf([Edge])
    case oneOf([Edge])
    case not(Edge)
    case conditional(condition: Edge, then: Edge?, otherwise: Edge?)
    case ref(Edge)
    case dynamicRef(Edge, anchor: String)
    case discriminator(DiscriminatorCheck)
    case unevaluatedProperties(Edge)
    case unevaluatedItems(Edge)
}

/// A compiled schema in the arena: a boolean schema, or a list of checks.
struct SchemaNode: Sendable {
    /// Absolute location of the schema.
    var location: JSONLocation
    /// Index of the schema resource (for `$dynamicRef` scope).
    var resource: Int
    /// `true`/`false` for boolean schemas (and `{}`), nil when checks apply.
    var constant: Bool?
    var checks: [Check]
    /// Has `unevaluatedProperties`/`unevaluatedItems`, so its keywords collect annotations.
    var collectsAnnotations: Bool

    static func placeholder(_ location: JSONLocation) -> SchemaNode {
        SchemaNode(location: location, resource: 0, constant: true, checks: [], collectsAnnotations: false)
    }
}

/// A schema resource (`$id` scope) and its `$dynamicAnchor`s.
struct SchemaResource: Sendable {
    var uri: String
    var dynamicAnchors: [String: Int]
}
