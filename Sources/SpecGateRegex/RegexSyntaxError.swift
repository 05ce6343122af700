/// Why a pattern is not a valid ECMA-262 regular expression.
public struct RegexSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// Offset in the pattern, counted in Unicode scalars (code points), where the problem was found.
    public var offset: Int
    /// What is wrong, e.g. "nothing to repeat".
    public var message: String

    /// Creates an error for `pattern` at scalar `offset`.
    public init(pattern: String, offset: Int, message: String) {
        self.pattern = pattern
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid regular expression /\(pattern)/ at \(offset): \(message)" }
}
