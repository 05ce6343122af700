import SpecGateJSON
import SpecGateSchema

/// Response body and header schemas of the operations under test, compiled once before the run
/// (validation in the response direction: `writeOnly` properties are not required).
public struct ResponseSchemas: Sendable {
    private var compiled: [JSONLocation: CompiledSchema] = [:]
    /// Schemas that could not be compiled (dangling `$ref`, …), with the reason. Their checks report it.
    public private(set) var compileErrors: [JSONLocation: String] = [:]
    /// The methods the spec declares on each path (every operation of the spec, not only those under test).
    private var methodsByPath: [String: [HTTPMethod]] = [:]

    public init(spec: APISpec, operations: [Operation]) {
        let dialect: SchemaDialect = spec.dialect == .openAPI30 ? .openAPI30 : .draft2020_12
        var compiler = SchemaCompiler(
            documents: spec.documents,
            options: SchemaOptions(dialect: dialect, direction: .response, assertFormats: true)
        )
        for operation in spec.operations { methodsByPath[operation.path, default: []].append(operation.method) }
        var locations: [JSONLocation] = []
        for operation in operations {
            for response in operation.responses {
                locations += response.content.compactMap(\.schema)
                locations += response.headers.compactMap(\.schema)
            }
        }
        for location in locations where compiled[location] == nil && compileErrors[location] == nil {
            do {
                compiled[location] = try compiler.compile(location)
            } catch {
                compileErrors[location] = error.message
            }
        }
    }

    public func schema(at location: JSONLocation) -> CompiledSchema? {
        compiled[location]
    }

    public var count: Int { compiled.count }

    /// The methods the spec declares on a path (empty when the path is unknown).
    public func declaredMethods(on path: String) -> [HTTPMethod] {
        methodsByPath[path] ?? []
    }
}
