import Foundation
import SpecGateJSON
import SpecGateTestSupport

@testable import SpecGateSchema

/// Loads and runs the official JSON-Schema-Test-Suite from `<shared>/reference/json-schema-test-suite`.
struct SuiteRunner {
    struct Case {
        var id: String
        var data: JSONValue
        var valid: Bool
    }

    struct Group {
        var id: String
        var schemaURI: String
        var schema: JSONValue
        var cases: [Case]
    }

    struct Outcome {
        var passed = 0
        var total = 0
        var failures: [String: String] = [:]
        /// Cases where `isValid` and the recording evaluation disagree.
        var disagreements: [String] = []
    }

    static var packageRoot: URL { PackageRoot.url }

    /// `shared/reference/json-schema-test-suite` (``PackageRoot/reference(_:)``).
    static let reference: URL? = PackageRoot.reference("json-schema-test-suite").map { URL(fileURLWithPath: $0) }

    static let resources = packageRoot.appendingPathComponent("Tests/SpecGateSchemaTests/Resources")

    static func parse(_ url: URL) throws -> JSONValue {
        try JSONParser().parse(Array(try Data(contentsOf: url)))
    }

    static func jsonFiles(under directory: URL, recursive: Bool) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var result: [URL] = []
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                if recursive { result += jsonFiles(under: url, recursive: true) }
            } else if name.hasSuffix(".json") {
                result.append(url)
            }
        }
        return result
    }

    /// Remotes under http://localhost:1234/ plus the vendored metaschemas under their ids.
    static func baseStore(suite: URL) throws -> DocumentStore {
        var store = DocumentStore()
        let remotes = suite.appendingPathComponent("remotes")
        for file in jsonFiles(under: remotes, recursive: true) {
            let relative = String(file.path.dropFirst(remotes.path.count + 1))
            store["http://localhost:1234/" + relative] = try parse(file)
        }
        for file in jsonFiles(under: resources.appendingPathComponent("metaschemas"), recursive: true) {
            let document = try parse(file)
            guard case .string(let id) = document["$id"] ?? document["id"] else { continue }
            store[URIReference.stripFragment(id)] = document
        }
        return store
    }

    static func groups(in file: URL, idPrefix: String) throws -> [Group] {
        guard case .array(let entries) = try parse(file) else { return [] }
        var result: [Group] = []
        for (i, entry) in entries.enumerated() {
            let description = entry["description"]?.stringValue ?? String(i)
            let groupID = idPrefix + "/" + description
            var cases: [Case] = []
            for test in entry["tests"]?.arrayValue ?? [] {
                cases.append(
                    Case(
                        id: groupID + "/" + (test["description"]?.stringValue ?? ""), data: test["data"] ?? .null,
                        valid: test["valid"]?.boolValue ?? false))
            }
            result.append(
                Group(
                    id: groupID, schemaURI: "https://specgate.test/\(idPrefix)/\(i).json",
                    schema: entry["schema"] ?? .bool(true), cases: cases))
        }
        return result
    }

    /// Runs every file under `directory` (`optional/` only when `optional`).
    static func run(draft: String, dialect: SchemaDialect, optional: Bool) throws -> Outcome {
        guard let suite = reference else { return Outcome() }
        let base = try baseStore(suite: suite)
        let tests = suite.appendingPathComponent("tests/\(draft)")
        let directory = optional ? tests.appendingPathComponent("optional") : tests
        var outcome = Outcome()
        for file in jsonFiles(under: directory, recursive: optional) {
            let relative = String(file.path.dropFirst(tests.path.count + 1))
            let assertFormats = relative.hasPrefix("optional/format/")
            let options = SchemaOptions(dialect: dialect, assertFormats: assertFormats)
            for group in try groups(in: file, idPrefix: draft + "/" + relative) {
                var store = base
                store[group.schemaURI] = group.schema
                var compiler = SchemaCompiler(documents: store, options: options)
                let compiled: CompiledSchema
                do {
                    compiled = try compiler.compile(JSONLocation(document: group.schemaURI))
                } catch {
                    for test in group.cases {
                        outcome.total += 1
                        outcome.failures[test.id] = "compile error: \(error)"
                    }
                    continue
                }
                for test in group.cases {
                    outcome.total += 1
                    let valid = compiled.isValid(test.data)
                    if valid != compiled.violations(of: test.data).isEmpty {
                        outcome.disagreements.append(test.id)
                    }
                    if valid == test.valid {
                        outcome.passed += 1
                    } else {
                        outcome.failures[test.id] = "expected \(test.valid ? "valid" : "invalid")"
                    }
                }
            }
        }
        return outcome
    }
}
