import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateSchema

/// `specgate validate`: one instance against one schema of a spec or suite (overlays applied).
public enum SchemaValidation {
    /// The outcome: the schema's location and every violation (empty: valid).
    public struct Result: Sendable {
        public var schema: JSONLocation
        public var violations: [SchemaViolation]
    }

    /// `schema` is a JSON pointer into the root document (`#/components/schemas/X` or `/components/…`)
    /// or a component schema name (`X`).
    public static func validate(
        instance: [UInt8], instanceName: String, schema: String, in target: LoadedTarget,
        direction: ValidationDirection,
        assertFormats: Bool = true
    ) throws(RunError) -> Result {
        let root = target.documents.rootURI
        let pointer: JSONPointer
        if schema.hasPrefix("#") || schema.hasPrefix("/") {
            guard let parsed = JSONPointer(schema.hasPrefix("/") ? "#" + schema : schema) else {
                throw RunError("--schema \(schema) is not a JSON pointer")
            }
            pointer = parsed
        } else {
            pointer = JSONPointer(tokens: ["components", "schemas", schema])
        }
        let location = JSONLocation(document: root, pointer: pointer)
        guard target.documents.store.value(at: location) != nil else {
            throw RunError("no schema at \(location) (give a JSON pointer or a name under components.schemas)")
        }
        let value: JSONValue
        do {
            value = try DocumentParser.parse(
                instance, uri: instanceName.hasSuffix(".json") ? instanceName : instanceName + ".json")
        } catch {
            throw RunError(error.description)
        }
        let dialect: SchemaDialect = target.spec.dialect == .openAPI30 ? .openAPI30 : .draft2020_12
        var compiler = SchemaCompiler(
            documents: target.documents.store,
            options: SchemaOptions(dialect: dialect, direction: direction, assertFormats: assertFormats))
        do {
            let compiled = try compiler.compile(location)
            return Result(schema: location, violations: compiled.validate(value))
        } catch {
            throw RunError(error.description)
        }
    }
}
