import SpecGateJSON

/// What lint rules look at: the documents, the operation model (when it could be built) and the
/// schemas in scope, found once and shared by every rule.
public struct LintContext: Sendable {
    public let documents: DocumentStore
    public let spec: APISpec?
    /// The operations operation rules check (the spec's, possibly filtered by a suite).
    public let operations: [Operation]
    public let scope: LintScope
    /// Every schema in scope, subschemas included, `$ref`s followed; each location once, sorted.
    public var schemas: [JSONLocation] { index.order }
    let index: LintSchemaIndex

    public init(documents: DocumentStore, spec: APISpec?, scope: LintScope = .everything) {
        self.documents = documents
        self.spec = spec
        self.operations = spec?.operations ?? []
        self.scope = scope
        self.isOpenAPI30 =
            spec.map { $0.dialect == .openAPI30 }
            ?? !documents.documents.values.contains { $0["openapi"]?.stringValue?.hasPrefix("3.1") == true }
        var roots: [JSONLocation] = []
        for operation in operations { roots += LintContext.schemaRoots(of: operation) }
        if scope == .everything {
            for uri in documents.uris {
                guard case .object(let schemas)? = documents[uri]?["components"]?["schemas"] else { continue }
                let base = JSONLocation(document: uri, pointer: JSONPointer(tokens: ["components", "schemas"]))
                for (name, _) in schemas { roots.append(base.appending(name)) }
            }
        }
        self.index = LintSchemaIndex(documents: documents, roots: roots)
    }

    /// The schema value at a location in scope.
    public func schema(at location: JSONLocation) -> JSONValue? { index.nodes[location]?.value }

    /// Resolves a `$ref` found at `location` to the location it names, or nil when it names nothing.
    public func resolve(reference: String, from location: JSONLocation) -> JSONLocation? {
        LintSchemaIndex.resolve(reference, from: location, in: documents)
    }

    /// Whether schemas follow OpenAPI 3.0 (`nullable`, boolean exclusive bounds): the spec's dialect,
    /// else guessed from the documents' `openapi` field.
    public let isOpenAPI30: Bool

    static func schemaRoots(of operation: Operation) -> [JSONLocation] {
        var roots: [JSONLocation] = []
        for parameter in operation.parameters {
            if let schema = parameter.schema { roots.append(schema) }
            roots += parameter.content.compactMap(\.schema)
        }
        if let body = operation.requestBody { roots += body.content.compactMap(\.schema) }
        for response in operation.responses {
            roots += response.content.compactMap(\.schema)
            roots += response.headers.compactMap(\.schema)
        }
        return roots
    }
}
