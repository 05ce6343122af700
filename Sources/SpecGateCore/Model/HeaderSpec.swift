import SpecGateJSON

/// A documented response header.
public struct HeaderSpec: Sendable, Hashable {
    public var name: String
    public var required: Bool
    public var schema: JSONLocation?
    public var source: JSONLocation

    public init(name: String, required: Bool, schema: JSONLocation?, source: JSONLocation) {
        self.name = name
        self.required = required
        self.schema = schema
        self.source = source
    }
}
