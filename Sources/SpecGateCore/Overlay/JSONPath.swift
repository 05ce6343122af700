import SpecGateJSON

/// An RFC 9535 JSONPath query, as OpenAPI Overlay `target`s use it.
///
/// Supported: `$`, `.name`, `['name']` / `["name"]` (with escapes), `*`, `..` descendants, indices, slices,
/// filters (`?@.x == 'v'`, existence tests, `!`, `&&`, `||`, comparisons, parentheses) and the standard
/// functions `length`, `count`, `match`, `search`, `value`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let text: String
    let segments: [JSONPathSegment]

    /// Parses an expression; syntax errors carry the character offset.
    public init(_ text: String) throws(JSONPathError) {
        self.text = text
        var parser = JSONPathParser(text)
        self.segments = try parser.parseRootQuery()
    }

    /// The normalized paths of the selected nodes, in RFC 9535 node-list order (duplicates kept).
    public func select(in value: JSONValue) -> [JSONPointer] {
        nodes(in: value).map(\.path)
    }

    /// The selected values with their normalized paths.
    public func values(in value: JSONValue) -> [(pointer: JSONPointer, value: JSONValue)] {
        nodes(in: value).map { (pointer: $0.path, value: $0.value) }
    }

    func nodes(in value: JSONValue) -> [JSONPathNode] {
        JSONPathQuery(relative: false, segments: segments).nodes(current: value, root: value)
    }

    public var description: String { text }
}
