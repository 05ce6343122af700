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

    /// Lints the target: the selected operations, and the schemas in `lintScope`. A Swagger 2.0
    /// spec also gets one `swagger2-conversion` warning per construct OpenAPI 3.0 cannot say exactly.
    public func lint(with linter: Linter = Linter()) -> [LintFinding] {
        let findings = linter.lint(documents: documents.store, spec: spec, scope: lintScope)
        return notes.isEmpty ? findings : (findings + notes).sorted()
    }

    /// The rule id of findings about a lossy Swagger 2.0 conversion.
    public static let conversionRuleID = "swagger2-conversion"

    /// The findings of `lint(with:)`, with the rules run side by side.
    public func lintConcurrently(with linter: Linter = Linter()) async -> [LintFinding] {
        let findings = await linter.lintConcurrently(documents: documents.store, spec: spec, scope: lintScope)
        return notes.isEmpty ? findings : (findings + notes).sorted()
    }

    /// One `swagger2-conversion` warning per construct OpenAPI 3.0 cannot say exactly.
    private var notes: [LintFinding] {
        (documents.conversion?.notes ?? []).map { note in
            LintFinding(
                rule: LoadedTarget.conversionRuleID, severity: .warning, location: note.location, message: note.message)
        }
    }
}
