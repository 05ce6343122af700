import SpecGateJSON

/// One way an instance fails its schema. Violations are data, never thrown.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance the problem is.
    public var instanceLocation: JSONPointer
    /// Evaluation path from the root schema, through `$ref`
    /// (e.g. `/properties/data/$ref/properties/status/enum`).
    public var keywordLocation: JSONPointer
    /// Absolute location of the failing keyword in its document.
    public var schemaLocation: JSONLocation
    /// The failing keyword: "enum", "type", "required", ...
    public var keyword: String
    /// Plain explanation, e.g. `"succeeded" is not one of ["success", "error"]`.
    public var message: String

    /// Creates a violation.
    public init(
        instanceLocation: JSONPointer, keywordLocation: JSONPointer, schemaLocation: JSONLocation,
        keyword: String, message: String
    ) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.schemaLocation = schemaLocation
        self.keyword = keyword
        self.message = message
    }

    /// "<instanceLocation>: <message>", e.g. `/status: "succeeded" is not one of ["success", "error"]`.
    public var description: String { "\(instanceLocation): \(message)" }
}
