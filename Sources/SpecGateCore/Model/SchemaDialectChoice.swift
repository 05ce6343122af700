/// Which JSON Schema dialect a document's schemas use; follows the `openapi` version.
public enum SpecSchemaDialect: String, Sendable, Hashable {
    /// OpenAPI 3.0 Schema Object (draft-4/5 based, `nullable`, boolean exclusive bounds).
    case openAPI30
    /// JSON Schema 2020-12 (OpenAPI 3.1).
    case jsonSchema2020_12
}
