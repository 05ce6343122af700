import SpecGateCore

/// A spec or suite ready to lint, list, bundle or run.
public struct LoadedTarget: Sendable {
    /// The suite, when a suite file was loaded (nil for a bare spec).
    public var suite: Suite?
    /// The documents with the suite's overlays applied.
    public var documents: LoadedDocuments
    /// The documents as written, before overlays.
    public var rawDocuments: LoadedDocuments
    /// The model with only the operations the suite selects (include/exclude).
    public var spec: APISpec
    /// The model with every operation.
    public var fullSpec: APISpec
    /// Overlay actions that matched nothing, in order.
    public var overlayWarnings: [OverlayWarning]

    public init(
        suite: Suite?, documents: LoadedDocuments, rawDocuments: LoadedDocuments, spec: APISpec, fullSpec: APISpec,
        overlayWarnings: [OverlayWarning] = []
    ) {
        self.suite = suite
        self.documents = documents
        self.rawDocuments = rawDocuments
        self.spec = spec
        self.fullSpec = fullSpec
        self.overlayWarnings = overlayWarnings
    }

    /// The lint scope that fits: a suite tests a subset of the API, so only what its operations reach.
    public var lintScope: LintScope { suite == nil ? .everything : .reachableFromOperations }

    /// Lints the target: the selected operations, and the schemas in `lintScope`.
    public func lint(with linter: Linter = Linter()) -> [LintFinding] {
        linter.lint(documents: documents.store, spec: spec, scope: lintScope)
    }

    /// The findings of `lint(with:)`, with the rules run side by side.
    public func lintConcurrently(with linter: Linter = Linter()) async -> [LintFinding] {
        await linter.lintConcurrently(documents: documents.store, spec: spec, scope: lintScope)
    }
}
