import SpecGateJSON

/// An operation's request body, `$ref`s resolved.
public struct RequestBodySpec: Sendable, Hashable {
    public var required: Bool
    public var content: [MediaTypeSpec]
    public var source: JSONLocation

    public init(required: Bool, content: [MediaTypeSpec], source: JSONLocation) {
        self.required = required
        self.content = content
        self.source = source
    }
}
