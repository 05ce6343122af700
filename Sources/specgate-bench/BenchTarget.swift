import SpecGateCore
import SpecGateJSON
import SpecGateRunner

/// A spec loaded the way `specgate` loads it: read, parsed, `$ref`s followed, modelled.
struct BenchTarget: Sendable {
    /// The modelled spec (every operation).
    var spec: APISpec
    /// The root document the model was built from.
    var root: JSONValue

    /// Loads the OpenAPI document at `path` and everything it references.
    static func load(path: String) throws(SpecLoadError) -> BenchTarget {
        let documents = try FileDocumentProvider.load(path: path)
        let spec = try OpenAPIModelBuilder.build(documents)
        return BenchTarget(spec: spec, root: documents.root)
    }
}
