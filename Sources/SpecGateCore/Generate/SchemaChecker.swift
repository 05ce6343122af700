import SpecGateJSON
import SpecGateSchema

/// The outcome of checking one value against one schema.
public enum SchemaCheckOutcome: Sendable, Hashable {
    case valid
    /// The value violates the schema; the text names the first violation.
    case invalid(String)
    /// The schema itself cannot be used (bad `$ref`, invalid keyword …); the text says why.
    case unusable(String)
}

/// Which way a value travels; `readOnly`/`writeOnly` apply accordingly.
public enum SchemaDirection: String, Sendable, Hashable {
    case request, response, neutral
}

/// Checks values against schemas in an `APISpec`'s documents with the schema engine, compiling each
/// schema once. Generation uses it to make sure every "valid" value is valid and every "invalid"
/// value is invalid. Formats are asserted.
public struct SchemaChecker {
    public let documents: DocumentStore
    public let dialect: SpecSchemaDialect
    public let direction: SchemaDirection
    private var compiler: SchemaCompiler
    private var compiled: [JSONLocation: Result<CompiledSchema, SchemaCompileError>] = [:]

    public init(documents: DocumentStore, dialect: SpecSchemaDialect, direction: SchemaDirection) {
        self.documents = documents
        self.dialect = dialect
        self.direction = direction
        let validation: ValidationDirection
        switch direction {
        case .request: validation = .request
        case .response: validation = .response
        case .neutral: validation = .neutral
        }
        compiler = SchemaCompiler(
            documents: documents,
            options: SchemaOptions(dialect: dialect == .openAPI30 ? .openAPI30 : .draft2020_12, direction: validation, assertFormats: true))
    }

    /// The engine's verdict on `value` against the schema at `schema`.
    public mutating func check(_ value: JSONValue, against schema: JSONLocation) -> SchemaCheckOutcome {
        let result: Result<CompiledSchema, SchemaCompileError>
        if let cached = compiled[schema] {
            result = cached
        } else {
            do throws(SchemaCompileError) {
                result = .success(try compiler.compile(schema))
            } catch {
                result = .failure(error)
            }
            compiled[schema] = result
        }
        switch result {
        case .failure(let error): return .unusable(error.description)
        case .success(let compiledSchema):
            if compiledSchema.isValid(value) { return .valid }
            return .invalid(compiledSchema.validate(value).first?.description ?? "invalid")
        }
    }

    public mutating func isValid(_ value: JSONValue, against schema: JSONLocation) -> Bool {
        check(value, against: schema) == .valid
    }
}
