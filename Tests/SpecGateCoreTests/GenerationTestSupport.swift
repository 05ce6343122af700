import Foundation
import SpecGateJSON
import SpecGateTestSupport

@testable import SpecGateCore

/// Helpers shared by the generation tests: hand-written schema documents and a small builder that
/// turns Cal.com operations into `Operation` values (the real loader lives on another branch).
enum GenerationTestSupport {
    static let documentURI = "file:///test/schemas.json"

    /// A store holding one document whose `/components/schemas` are `schemas` (JSON text).
    static func store(_ schemasJSON: String) throws -> DocumentStore {
        let text = "{\"components\":{\"schemas\":" + schemasJSON + "}}"
        return DocumentStore([documentURI: try JSONParser().parse(Array(text.utf8))])
    }

    static func location(_ name: String) -> JSONLocation {
        JSONLocation(document: documentURI, pointer: JSONPointer(tokens: ["components", "schemas", name]))
    }

    static func generator(_ schemasJSON: String, dialect: SpecSchemaDialect = .openAPI30) throws -> ValueGenerator {
        ValueGenerator(documents: try store(schemasJSON), dialect: dialect)
    }

    /// Values for every mode and several seeds.
    static func values(
        _ schemasJSON: String, _ name: String, dialect: SpecSchemaDialect = .openAPI30,
        modes: [GenerationMode] = GenerationMode.allCases,
        seeds: ClosedRange<UInt64> = 1...10
    ) throws -> [(mode: GenerationMode, value: JSONValue)] {
        var g = try generator(schemasJSON, dialect: dialect)
        var out: [(mode: GenerationMode, value: JSONValue)] = []
        for seed in seeds {
            for mode in modes {
                var rng = SplitMix64(seed: seed)
                if let v = g.generate(for: location(name), mode: mode, rng: &rng).value { out.append((mode, v)) }
            }
        }
        return out
    }

    // MARK: Cal.com

    static var packageRoot: URL { PackageRoot.url }

    static let calcomURI = "file:///specs/calcom/openapi-v2.json"

    static func calcomDocument() throws -> JSONValue {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("specs/calcom/openapi-v2.json"))
        return try JSONParser().parse(Array(data))
    }

    /// A minimal OpenAPI 3.0 model of the Cal.com document: inline parameters and JSON request bodies.
    static func calcomSpec() throws -> APISpec {
        let root = try calcomDocument()
        var operations: [SpecGateCore.Operation] = []
        guard case .object(let paths)? = root["paths"] else {
            return APISpec(
                title: "", version: "", openAPIVersion: "3.0.0", dialect: .openAPI30, operations: [],
                documents: DocumentStore(), rootURI: calcomURI)
        }
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for (methodName, op) in methods {
                guard let method = HTTPMethod(rawValue: methodName) else { continue }
                let opPointer = JSONPointer(tokens: ["paths", path, methodName])
                let source = JSONLocation(document: calcomURI, pointer: opPointer)
                var parameters: [ParameterSpec] = []
                for (i, p) in (op["parameters"]?.arrayValue ?? []).enumerated() {
                    guard let name = p["name"]?.stringValue,
                        let loc = p["in"]?.stringValue.flatMap(ParameterLocation.init(rawValue:))
                    else { continue }
                    let pLoc = source.appending("parameters").appending(i)
                    parameters.append(
                        ParameterSpec(
                            name: name, location: loc, required: p["required"]?.boolValue ?? false,
                            schema: p["schema"] == nil ? nil : pLoc.appending("schema"),
                            style: p["style"]?.stringValue.flatMap(ParameterStyle.init(rawValue:)),
                            explode: p["explode"]?.boolValue,
                            source: pLoc))
                }
                var body: RequestBodySpec?
                if case .object(let rb)? = op["requestBody"], case .object(let content)? = rb["content"] {
                    let rbLoc = source.appending("requestBody")
                    let media = content.map { entry in
                        MediaTypeSpec(
                            mediaType: entry.key,
                            schema: entry.value["schema"] == nil
                                ? nil : rbLoc.appending("content").appending(entry.key).appending("schema"),
                            source: rbLoc.appending("content").appending(entry.key))
                    }
                    body = RequestBodySpec(required: rb["required"]?.boolValue ?? false, content: media, source: rbLoc)
                }
                let opId = op["operationId"]?.stringValue
                operations.append(
                    SpecGateCore.Operation(
                        id: opId ?? method.wireName + " " + path, operationId: opId, method: method, path: path,
                        parameters: parameters, requestBody: body, source: source))
            }
        }
        return APISpec(
            title: "Cal.com", version: "2", openAPIVersion: "3.0.0", dialect: .openAPI30, operations: operations,
            documents: DocumentStore([calcomURI: root]), rootURI: calcomURI)
    }

    static let calcomCredential = Credential(
        header: "Authorization", scheme: "Bearer", secret: "cal_test_secret_123", envVar: "CAL_API_KEY", prefix: "cal_")

    static func calcomOptions(seed: UInt64 = 7) -> GenerationOptions {
        GenerationOptions(
            seed: seed, maxCasesPerOperation: 60,
            fixedHeaders: [HeaderField(name: "cal-api-version", value: "2024-08-13")], credential: calcomCredential)
    }

    static let reassignID = "BookingsController_2024_08_13_reassignBookingToUser"
}
