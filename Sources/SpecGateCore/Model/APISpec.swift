import SpecGateJSON

/// A loaded API description: every operation, plus the documents its schemas live in.
public struct APISpec: Sendable {
    public var title: String
    public var version: String
    /// The document's `openapi` field ("3.0.0", "3.1.0"), or "endpoints" for a hand-written suite.
    public var openAPIVersion: String
    public var dialect: SpecSchemaDialect
    public var servers: [String]
    public var operations: [Operation]
    public var securitySchemes: [String: SecurityScheme]
    /// Every document the spec spans (root, files it references, generated schemas); schemas
    /// referenced by `JSONLocation` resolve here.
    public var documents: DocumentStore
    /// URI of the root document.
    public var rootURI: String

    public init(
        title: String, version: String, openAPIVersion: String, dialect: SpecSchemaDialect, servers: [String] = [],
        operations: [Operation], securitySchemes: [String: SecurityScheme] = [:], documents: DocumentStore,
        rootURI: String
    ) {
        self.title = title
        self.version = version
        self.openAPIVersion = openAPIVersion
        self.dialect = dialect
        self.servers = servers
        self.operations = operations
        self.securitySchemes = securitySchemes
        self.documents = documents
        self.rootURI = rootURI
    }

    public var root: JSONValue { documents[rootURI] ?? .null }

    public func operation(id: String) -> Operation? {
        operations.first { $0.id == id || $0.operationId == id }
    }
}
