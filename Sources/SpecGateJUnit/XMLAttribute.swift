/// One attribute of an ``XMLElementNode``.
public struct XMLAttribute: Sendable, Hashable {
    /// Attribute name.
    public var name: String
    /// Attribute value after XML attribute-value normalization.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
