import SpecGateJSON

/// Where a parameter travels.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case path, query, header, cookie
}

/// OpenAPI serialisation styles.
public enum ParameterStyle: String, Sendable, Hashable {
    case form, simple, label, matrix, deepObject, spaceDelimited, pipeDelimited

    /// OpenAPI's default style for a location.
    public static func defaultStyle(for location: ParameterLocation) -> ParameterStyle {
        switch location {
        case .query, .cookie: return .form
        case .path, .header: return .simple
        }
    }
}

/// One parameter of an operation, after path-level and operation-level parameters are merged
/// and every `$ref` is resolved.
///
/// A value type whose fields live in one immutable shared box: generation copies parameter specs into
/// every request draft, so a copy is one retain instead of one per string and array field. Setting a
/// field makes a new box (specs are built once and then only read).
public struct ParameterSpec: Sendable, Hashable {
    private struct Fields: Sendable, Hashable {
        var name: String
        var location: ParameterLocation
        var required: Bool
        var deprecated: Bool
        var schema: JSONLocation?
        var style: ParameterStyle
        var explode: Bool
        var allowReserved: Bool
        var content: [MediaTypeSpec]
        var examples: [JSONValue]
        var source: JSONLocation
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    public var name: String {
        get { box.fields.name }
        set { update { $0.name = newValue } }
    }
    public var location: ParameterLocation {
        get { box.fields.location }
        set { update { $0.location = newValue } }
    }
    public var required: Bool {
        get { box.fields.required }
        set { update { $0.required = newValue } }
    }
    public var deprecated: Bool {
        get { box.fields.deprecated }
        set { update { $0.deprecated = newValue } }
    }
    /// The parameter's schema (a `$ref` target or inline schema), or nil when it has none.
    public var schema: JSONLocation? {
        get { box.fields.schema }
        set { update { $0.schema = newValue } }
    }
    public var style: ParameterStyle {
        get { box.fields.style }
        set { update { $0.style = newValue } }
    }
    public var explode: Bool {
        get { box.fields.explode }
        set { update { $0.explode = newValue } }
    }
    public var allowReserved: Bool {
        get { box.fields.allowReserved }
        set { update { $0.allowReserved = newValue } }
    }
    /// `content`-based parameters (rare): media type → schema.
    public var content: [MediaTypeSpec] {
        get { box.fields.content }
        set { update { $0.content = newValue } }
    }
    /// `example` and `examples[*].value`, in document order.
    public var examples: [JSONValue] {
        get { box.fields.examples }
        set { update { $0.examples = newValue } }
    }
    /// Where the parameter object is defined.
    public var source: JSONLocation {
        get { box.fields.source }
        set { update { $0.source = newValue } }
    }

    public init(
        name: String, location: ParameterLocation, required: Bool, deprecated: Bool = false,
        schema: JSONLocation?, style: ParameterStyle? = nil, explode: Bool? = nil, allowReserved: Bool = false,
        content: [MediaTypeSpec] = [], examples: [JSONValue] = [], source: JSONLocation
    ) {
        let style = style ?? ParameterStyle.defaultStyle(for: location)
        box = Box(
            Fields(
                name: name, location: location, required: required || location == .path, deprecated: deprecated,
                schema: schema, style: style, explode: explode ?? (style == .form), allowReserved: allowReserved,
                content: content, examples: examples, source: source))
    }

    public static func == (lhs: ParameterSpec, rhs: ParameterSpec) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    /// Header names compare case-insensitively; others exactly.
    public var key: String {
        location == .header ? "header:" + name.lowercased() : location.rawValue + ":" + name
    }
}
