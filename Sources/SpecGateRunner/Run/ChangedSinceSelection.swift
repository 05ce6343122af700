import SpecGateCore
import SpecGateJSON

/// `--changed-since OLD`: the operations whose contract differs between OLD and the current target
/// (see `ContractFingerprint`); operations new since OLD count as changed.
public struct ChangedSinceSelection: Sendable {
    /// The keys (`SpecDiff.key(of:)`) of the current operations whose contract changed.
    public var changedKeys: Set<String>
    /// OLD as given on the command line.
    public var oldPath: String

    /// Loads OLD and compares it with `target`. OLD may be a suite or a spec; a bare OLD spec compared
    /// with a suite gets that suite's overlays too, so only changes of the spec itself count.
    public init(oldPath: String, target: LoadedTarget, options: WorkspaceOptions = .init()) throws(SpecLoadError) {
        let old = try ChangedSinceSelection.loadOld(path: oldPath, for: target, options: options)
        self.changedKeys = ContractFingerprint.changedOperations(old: old, new: target.fullSpec)
        self.oldPath = oldPath
    }

    /// The operations of `operations` that changed, in order.
    public func select(_ operations: [Operation]) -> [Operation] {
        operations.filter { changedKeys.contains(SpecDiff.key(of: $0)) }
    }

    /// "changed-since: 2 of 16 operations selected (old.json)".
    public func note(selected: Int, of total: Int) -> String {
        "changed-since: \(selected) of \(total) operation\(total == 1 ? "" : "s") selected (\(oldPath))"
    }

    static func loadOld(path: String, for target: LoadedTarget, options: WorkspaceOptions) throws(SpecLoadError)
        -> APISpec
    {
        let loaded = try Workspace.load(path: path, options: options)
        guard loaded.suite == nil, var suite = target.suite, suite.specPath != nil else { return loaded.fullSpec }
        // The current suite, pointed at OLD: the same overlays apply to both versions.
        suite.specPath = FileDocumentProvider.absolutePath(path)
        return try Workspace.loadSuite(suite, options: options).fullSpec
    }
}
