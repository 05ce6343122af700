/// The JSON Schema dialect a schema is compiled with.
public enum SchemaDialect: Sendable, Hashable {
    /// OpenAPI 3.0 Schema Object: draft-4/5 based, `nullable`, boolean exclusive bounds,
    /// `discriminator`, `readOnly`/`writeOnly`; `$ref` siblings are ignored.
    case openAPI30
    /// JSON Schema draft 4 (`id`, `definitions`, `dependencies`, array-form `items`).
    case draft4
    /// JSON Schema 2020-12 (OpenAPI 3.1).
    case draft2020_12
}
