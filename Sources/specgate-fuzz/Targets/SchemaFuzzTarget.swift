import SpecGateJSON
import SpecGateSchema

/// Fuzzes the JSON Schema compiler and validator. The first line is a schema (JSON), the rest an
/// instance (JSON). For every dialect: a compile error must point into the schema document;
/// `isValid` must agree with `validate`, and validating twice must give the same violations.
enum SchemaFuzzTarget {
    static let uri = "file:///fuzz/schema.json"

    static func run(_ input: [UInt8]) -> [String] {
        let (head, rest) = FuzzInput.splitFirstLine(input)
        guard let schema = try? JSONParser(maxDepth: 64).parse(head) else { return [] }
        let instance = (try? JSONParser(maxDepth: 64).parse(rest)) ?? .null
        var problems: [String] = []
        for dialect in [SchemaDialect.openAPI30, .draft4, .draft2020_12] {
            var compiler = SchemaCompiler(
                documents: DocumentStore([uri: schema]),
                options: SchemaOptions(dialect: dialect, regexStepBudget: 20_000))
            let compiled: CompiledSchema
            do {
                compiled = try compiler.compile(JSONLocation(document: uri))
            } catch {
                if error.message.isEmpty { problems.append("\(dialect): compile error without a message") }
                continue
            }
            let valid = compiled.isValid(instance)
            let violations = compiled.validate(instance)
            if valid != violations.isEmpty {
                problems.append("\(dialect): isValid is \(valid) but validate found \(violations.count) violations")
            }
            if compiled.validate(instance) != violations {
                problems.append("\(dialect): validation is not deterministic")
            }
            for violation in violations where violation.message.isEmpty {
                problems.append("\(dialect): violation at \(violation.instanceLocation) without a message")
            }
        }
        return problems
    }
}
