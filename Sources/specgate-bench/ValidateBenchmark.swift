import Foundation
import SpecGateJSON
import SpecGateSchema

/// Something that stops the validation benchmark (missing schema, unreadable payloads).
struct ValidateBenchmarkError: Error, Sendable, CustomStringConvertible {
    let description: String
}

/// `validate`: instances per second of `CompiledSchema.validate` on one thread.
///
/// The schema named `--schema` is taken from the loaded spec's `components.schemas` and written to
/// `--bundle-out` as one self-contained document (`{"$ref": "#/components/schemas/NAME",
/// "components": {"schemas": …}}`), which the Python reference validates too. The Swift side
/// compiles that very file, so both validate against the same bytes.
struct ValidateBenchmark: Sendable {
    let path: String
    let schemaName: String
    let setName: String
    let payloadsPath: String
    let bundlePath: String
    let minSeconds: Double

    init(_ arguments: BenchArguments) throws(BenchUsageError) {
        path = try arguments.string("path")
        schemaName = try arguments.string("schema")
        setName = try arguments.string("set")
        payloadsPath = try arguments.string("payloads")
        bundlePath = try arguments.string("bundle-out")
        minSeconds = try arguments.double("min-seconds", default: 3)
    }

    func run() throws -> BenchLine {
        let target = try BenchTarget.load(path: path)
        guard let schemas = target.root["components"]?["schemas"], schemas[schemaName] != nil else {
            throw ValidateBenchmarkError(description: "\(path): no schema #/components/schemas/\(schemaName)")
        }
        let bundle: JSONValue = [
            "$ref": .string("#/components/schemas/" + JSONPointer.escape(schemaName)),
            "components": ["schemas": schemas],
        ]
        let bundleBytes = JSONWriter().bytes(bundle)
        try Data(bundleBytes).write(to: URL(fileURLWithPath: bundlePath))

        let uri = URIReference.fileURI(forPath: bundlePath)
        let written = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: bundlePath))))
        var compiler = SchemaCompiler(
            documents: DocumentStore([uri: written]), options: SchemaOptions(dialect: .openAPI30, direction: .response))
        let schema = try compiler.compile(JSONLocation(document: uri))
        let payloads = try readPayloads()

        // Untimed pass: how many payloads the engine rejects, and why (first three).
        var invalid: [JSONValue] = []
        var invalidCount = 0
        for (index, payload) in payloads.enumerated() {
            guard let first = schema.validate(payload).first else { continue }
            invalidCount += 1
            if invalid.count < 3 {
                invalid.append(["index": .number(JSONNumber(index)), "error": .string(first.description)])
            }
        }

        let clock = ContinuousClock()
        var passes = 0
        var validated = 0
        var rejectedWhileTiming = 0
        let start = clock.now
        var elapsed = 0.0
        repeat {
            for payload in payloads {
                rejectedWhileTiming += schema.validate(payload).isEmpty ? 0 : 1
            }
            passes += 1
            validated += payloads.count
            elapsed = BenchTiming.seconds(clock.now - start)
        } while elapsed < minSeconds

        var line = BenchLine(kind: "validate")
        line.set("set", setName)
        line.set("schema", schemaName)
        line.set("validator", "SpecGateSchema CompiledSchema.validate (OpenAPI 3.0, response, formats asserted)")
        line.set("instances", payloads.count)
        line.set("valid", payloads.count - invalidCount)
        line["invalid_examples"] = .array(invalid)
        line.set("passes", passes)
        line.set("rejected_while_timing", rejectedWhileTiming)
        line.set("seconds", elapsed)
        line.set("per_second", Double(validated) / elapsed)
        line.set("bundle_bytes", bundleBytes.count)
        return line
    }

    /// One JSON document per non-empty line.
    private func readPayloads() throws -> [JSONValue] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: payloadsPath)))
        var payloads: [JSONValue] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            payloads.append(try JSONParser().parse(Array(line)))
        }
        guard !payloads.isEmpty else { throw ValidateBenchmarkError(description: "\(payloadsPath): no payloads") }
        return payloads
    }
}
