import SpecGateJSON

/// The outcome of checking one value against one schema.
public enum SchemaCheckOutcome: Sendable, Hashable {
    case valid
    /// The value violates the schema; the text names the first violation.
    case invalid(String)
    /// The schema itself cannot be used (bad `$ref`, invalid pattern …); the text says why.
    case unusable(String)

    public var isValid: Bool { self == .valid }
}

/// Which way a value travels; `readOnly`/`writeOnly` apply accordingly.
public enum SchemaDirection: String, Sendable, Hashable {
    case request, response, neutral
}

/// Checks values against schemas in an `APISpec`'s documents with the schema engine, compiling each
/// schema once. Generation uses it to make sure every "valid" value is valid and every "invalid"
/// value is invalid.
public struct SchemaChecker {
    public let documents: DocumentStore
    public let dialect: SpecSchemaDialect
    public let direction: SchemaDirection

    public init(documents: DocumentStore, dialect: SpecSchemaDialect, direction: SchemaDirection) {
        self.documents = documents
        self.dialect = dialect
        self.direction = direction
    }

    // INTERIM: until the schema engine (branch `schema`) is on main, only structural
    // resolvability is checked; the engine call replaces this body.
    public mutating func check(_ value: JSONValue, against schema: JSONLocation) -> SchemaCheckOutcome {
        guard documents.value(at: schema) != nil else {
            return .unusable("schema at \(schema) does not resolve")
        }
        return .valid
    }

    public mutating func isValid(_ value: JSONValue, against schema: JSONLocation) -> Bool {
        check(value, against: schema) == .valid
    }
}
