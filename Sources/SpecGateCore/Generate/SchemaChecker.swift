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
    /// Per schema, its position in `entries`: one hash of the location per check, and the entry is then
    /// read and updated in place rather than copied out of a dictionary.
    private var positions: [JSONLocation: Int] = [:]
    private var entries: [Entry] = []
    private static let memoLimit = 256

    private struct Entry {
        /// The schema, compiled once.
        let compiled: Result<CompiledSchema, SchemaCompileError>
        /// The small scalar values already found valid against it (a verdict never changes: the schema is
        /// compiled once and the engine is pure). Generation draws the same enum members, booleans, bounds
        /// and examples again and again; at most `memoLimit` values are kept.
        var validScalars: Set<JSONValue> = []
    }

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
            options: SchemaOptions(
                dialect: dialect == .openAPI30 ? .openAPI30 : .draft2020_12, direction: validation, assertFormats: true)
        )
    }

    /// The engine's verdict on `value` against the schema at `schema`.
    public mutating func check(_ value: JSONValue, against schema: JSONLocation) -> SchemaCheckOutcome {
        let index: Int
        if let known = positions[schema] {
            index = known
        } else {
            let result: Result<CompiledSchema, SchemaCompileError>
            do throws(SchemaCompileError) {
                result = .success(try compiler.compile(schema))
            } catch {
                result = .failure(error)
            }
            entries.append(Entry(compiled: result))
            index = entries.count - 1
            positions[schema] = index
        }
        switch entries[index].compiled {
        case .failure(let error): return .unusable(error.description)
        case .success(let compiledSchema):
            let memo = Self.isSmallScalar(value)
            if memo, entries[index].validScalars.contains(value) { return .valid }
            if compiledSchema.isValid(value) {
                if memo, entries[index].validScalars.count < Self.memoLimit {
                    entries[index].validScalars.insert(value)
                }
                return .valid
            }
            return .invalid(compiledSchema.validate(value).first?.description ?? "invalid")
        }
    }

    /// Null, a boolean, a number or an ASCII string of at most 64 bytes: cheap to hash, likely to come again.
    /// (ASCII only: Swift's `==` equates canonically equivalent strings, which `maxLength` or a pattern may not.)
    private static func isSmallScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .null, .bool, .number: return true
        case .string(let text): return text.utf8.count <= 64 && text.utf8.allSatisfy { $0 < 0x80 }
        case .array, .object: return false
        }
    }

    public mutating func isValid(_ value: JSONValue, against schema: JSONLocation) -> Bool {
        check(value, against: schema) == .valid
    }
}
