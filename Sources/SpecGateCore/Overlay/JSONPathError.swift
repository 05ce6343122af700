/// A JSONPath expression that does not follow RFC 9535 syntax.
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public var expression: String
    /// Character offset (0-based) in `expression` where the problem was found.
    public var offset: Int
    public var message: String

    public init(expression: String, offset: Int, message: String) {
        self.expression = expression
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid JSONPath \(expression) at offset \(offset): \(message)" }
}
