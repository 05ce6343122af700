import SpecGateJSON

@testable import SpecGateSchema

/// Helpers shared by the schema tests.
enum TestSupport {
    /// Compiles `schema` (JSON text) stored as a document under `uri`, with `extra` documents alongside.
    static func compile(
        _ schema: String, options: SchemaOptions, uri: String = "file:///test/schema.json",
        pointer: String = "", extra: [String: String] = [:]
    ) throws -> CompiledSchema {
        var store = DocumentStore()
        store[uri] = try JSONParser.parse(schema)
        for (key, text) in extra { store[key] = try JSONParser.parse(text) }
        var compiler = SchemaCompiler(documents: store, options: options)
        return try compiler.compile(JSONLocation(document: uri, pointer: JSONPointer(pointer) ?? .root))
    }

    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }
}
