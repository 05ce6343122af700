import SpecGateCore
import SpecGateJSON
import SpecGateRunner

/// A spec or suite loaded the way `specgate` loads it (`Workspace.load`): read, parsed, `$ref`s
/// followed, a suite's overlays applied, modelled.
struct BenchTarget: Sendable {
    /// The model with every operation (a suite's include/exclude filter not applied).
    var spec: APISpec
    /// Operations the suite selects (all of them for a bare spec).
    var selectedOperations: Int
    /// The root document the model was built from (overlays applied).
    var root: JSONValue
    /// How many overlays the suite applied (0 for a bare spec).
    var overlays: Int
    /// Headers the suite sends on every request (none for a bare spec).
    var headers: [HeaderField]

    /// Loads the OpenAPI document or suite at `path`.
    static func load(path: String) throws(SpecLoadError) -> BenchTarget {
        let loaded = try Workspace.load(path: path)
        return BenchTarget(
            spec: loaded.fullSpec, selectedOperations: loaded.spec.operations.count, root: loaded.documents.root,
            overlays: loaded.suite?.overlays.count ?? 0,
            headers: loaded.suite?.headers ?? [])
    }
}
