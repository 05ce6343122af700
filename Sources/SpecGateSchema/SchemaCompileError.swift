import SpecGateJSON

/// Why a schema cannot be compiled: a dangling or cyclic `$ref`, or an invalid keyword value.
/// `location` names the document and JSON pointer of the offending keyword.
public struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
    /// Absolute location of the offending keyword.
    public var location: JSONLocation
    /// What is wrong, in plain words.
    public var message: String

    /// Creates an error at `location`.
    public init(location: JSONLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// "<document>#<pointer>: <message>".
    public var description: String { "\(location): \(message)" }
}
