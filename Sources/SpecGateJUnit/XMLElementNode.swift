/// A read-only element tree of a parsed XML document (what ``JUnitReader/parse(_:)`` returns).
public struct XMLElementNode: Sendable, Hashable {
    /// Element name.
    public var name: String
    /// Attributes in document order, entity references resolved.
    public var attributes: [XMLAttribute]
    /// Concatenated character data (text and CDATA) directly inside this element.
    public var text: String
    /// Child elements in document order.
    public var children: [XMLElementNode]

    /// Creates a node.
    public init(name: String, attributes: [XMLAttribute] = [], text: String = "", children: [XMLElementNode] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// Value of the attribute called `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements called `name`.
    public func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }
}
