import Foundation
import SpecGateJSON
import Testing

@testable import SpecGateSchema

/// The first real target: every Cal.com v2 component schema compiles into one shared arena.
@Suite struct CalcomSpecTests {
    @Test func everyComponentSchemaCompiles() throws {
        let suite = try #require(SuiteRunner.reference)
        let file = suite.deletingLastPathComponent().appendingPathComponent("calcom-api-v2-openapi.json")
        let uri = "file://" + file.path
        var store = DocumentStore()
        store[uri] = try SuiteRunner.parse(file)
        let schemas = try #require(store[uri]?["components"]?["schemas"]?.objectValue)
        var compiler = SchemaCompiler(
            documents: store, options: SchemaOptions(dialect: .openAPI30, direction: .response))
        var failures: [String] = []
        var compiled = 0
        for name in schemas.keys {
            let location = JSONLocation(document: uri, pointer: JSONPointer(tokens: ["components", "schemas", name]))
            do {
                let schema = try compiler.compile(location)
                // Each schema rejects a value of the wrong JSON type or accepts it; either way it must not crash.
                _ = schema.validate(.array([.null]))
                compiled += 1
            } catch {
                failures.append(error.description)
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(compiled == schemas.count)
    }
}
