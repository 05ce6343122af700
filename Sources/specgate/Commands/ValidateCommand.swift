import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSchema

/// `specgate validate`: checks a JSON instance against a schema of a spec or suite.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a JSON instance against a schema of a spec or suite (overlays applied).",
        discussion:
            "Prints every violation as `<instance pointer>: <message>  (schema <location>)`. Exit codes: 0 valid, 1 invalid, 2 usage or load error."
    )

    @Option(help: "An OpenAPI document or a suite file.")
    var spec: String

    @Option(help: "A JSON pointer into the root document (#/components/schemas/X) or a component schema name.")
    var schema: String

    @Option(help: "request (readOnly properties not required), response (writeOnly not required) or neutral.")
    var direction: String = "neutral"

    @Flag(name: .customLong("no-formats"), help: "Do not assert `format`.")
    var noFormats = false

    @OptionGroup var source: SpecSourceOptions

    @Argument(help: "The instance: a JSON or YAML file, or - for standard input.")
    var instance: String

    func run() async throws {
        let directions: [String: ValidationDirection] = [
            "request": .request, "response": .response, "neutral": .neutral,
        ]
        guard let chosen = directions[direction] else {
            throw ValidationError("--direction must be request, response or neutral")
        }
        let target = try await Workspace.fetchAndLoad(path: spec, fetch: source.fetchOptions())
        let bytes: [UInt8]
        if instance == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: instance) else {
                throw CommandFailure.cannotGoOn(
                    .error("validate.no-instance", "no such file", at: .init(file: instance)))
            }
            bytes = [UInt8](data)
        }
        let result = try SchemaValidation.validate(
            instance: bytes, instanceName: instance == "-" ? "stdin.json" : instance, schema: schema, in: target,
            direction: chosen, assertFormats: !noFormats)
        for violation in result.violations {
            print(
                "\(violation.description)  (schema \(SpecCommandOutput.displayPath(forURI: violation.schemaLocation.document))#\(violation.schemaLocation.pointer))"
            )
        }
        if result.violations.isEmpty {
            print("valid against \(schema)")
        } else {
            print("\(result.violations.count) violation\(result.violations.count == 1 ? "" : "s")")
            throw CommandFailure.findings
        }
    }
}
