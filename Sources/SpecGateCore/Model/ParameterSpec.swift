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
public struct ParameterSpec: Sendable, Hashable {
    public var name: String
    public var location: ParameterLocation
    public var required: Bool
    public var deprecated: Bool
    /// The parameter's schema (a `$ref` target or inline schema), or nil when it has none.
    public var schema: JSONLocation?
    public var style: ParameterStyle
    public var explode: Bool
    public var allowReserved: Bool
    /// `content`-based parameters (rare): media type → schema.
    public var content: [MediaTypeSpec]
    /// `example` and `examples[*].value`, in document order.
    public var examples: [JSONValue]
    /// Where the parameter object is defined.
    public var source: JSONLocation

    public init(
        name: String, location: ParameterLocation, required: Bool, deprecated: Bool = false,
        schema: JSONLocation?, style: ParameterStyle? = nil, explode: Bool? = nil, allowReserved: Bool = false,
        content: [MediaTypeSpec] = [], examples: [JSONValue] = [], source: JSONLocation
    ) {
        self.name = name
        self.location = location
        self.required = required || location == .path
        self.deprecated = deprecated
        self.schema = schema
        let style = style ?? ParameterStyle.defaultStyle(for: location)
        self.style = style
        self.explode = explode ?? (style == .form)
        self.allowReserved = allowReserved
        self.content = content
        self.examples = examples
        self.source = source
    }

    /// Header names compare case-insensitively; others exactly.
    public var key: String {
        location == .header ? "header:" + name.lowercased() : location.rawValue + ":" + name
    }
}
