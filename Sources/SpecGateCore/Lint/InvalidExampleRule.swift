import SpecGateJSON
import SpecGateSchema

/// `invalid-example` (warning): an `example`, `examples` entry or `default` that fails its own schema —
/// the document contradicts itself, and usually the schema is the part that is wrong (e.g. Cal.com's
/// `CalendarLinksOutput_2024_08_13.status`, declared an object, whose example is the string "success").
public struct InvalidExampleRule: LintRule {
    public static let id = "invalid-example"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        let dialect: SchemaDialect = context.isOpenAPI30 ? .openAPI30 : .draft2020_12
        var compiler = SchemaCompiler(
            documents: context.documents,
            options: SchemaOptions(dialect: dialect, direction: .neutral, assertFormats: true))
        var findings: [LintFinding] = []

        func judge(
            _ value: JSONValue, at valueLocation: JSONLocation, against schemaLocation: JSONLocation, what: String
        ) {
            guard let schema = try? compiler.compile(schemaLocation) else { return }
            let violations = schema.validate(value)
            guard let first = violations.first else { return }
            let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
            findings.append(
                LintFinding(
                    rule: Self.id, severity: .warning, location: valueLocation,
                    message: "\(what) does not match its schema: "
                        + (first.instanceLocation.tokens.isEmpty ? first.message : first.description) + more))
        }

        // Schema-level `example`, `examples` (2020-12) and `default`.
        for location in context.schemas {
            guard case .object(let schema)? = context.schema(at: location) else { continue }
            if let example = schema["example"] {
                judge(example, at: location.appending("example"), against: location, what: "example")
            }
            if case .array(let examples)? = schema["examples"] {
                for (i, example) in examples.enumerated() {
                    judge(example, at: location.appending("examples").appending(i), against: location, what: "example")
                }
            }
            if let value = schema["default"] {
                judge(value, at: location.appending("default"), against: location, what: "default")
            }
        }
        // Parameter and media type examples of the operations in scope.
        for operation in context.operations {
            for parameter in operation.parameters {
                guard let schema = parameter.schema else { continue }
                for value in examples(at: parameter.source, in: context.documents) {
                    judge(
                        value.value, at: value.location, against: schema, what: "example of parameter \(parameter.name)"
                    )
                }
            }
            var media = operation.requestBody?.content ?? []
            for response in operation.responses { media += response.content }
            for mediaType in media {
                guard let schema = mediaType.schema else { continue }
                for value in examples(at: mediaType.source, in: context.documents) {
                    judge(value.value, at: value.location, against: schema, what: "example of \(mediaType.mediaType)")
                }
            }
        }
        return findings
    }

    /// `example` and `examples.*.value` of a parameter or media type object (inline values only).
    func examples(at location: JSONLocation, in documents: DocumentStore) -> [(
        value: JSONValue, location: JSONLocation
    )] {
        guard case .object(let object)? = documents.value(at: location) else { return [] }
        var result: [(value: JSONValue, location: JSONLocation)] = []
        if let example = object["example"] { result.append((example, location.appending("example"))) }
        if case .object(let examples)? = object["examples"] {
            for (name, entry) in examples {
                if let value = entry["value"] {
                    result.append((value, location.appending("examples").appending(name).appending("value")))
                }
            }
        }
        return result
    }
}
