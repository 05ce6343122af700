import SpecGateJSON

/// Runs lint rules over an API description and returns their findings in a deterministic order.
public struct Linter: Sendable {
    public var rules: [any LintRule]

    /// Every built-in rule.
    public static let defaultRules: [any LintRule] = [
        UnsatisfiableSchemaRule(), InvalidPatternRule(), UnknownFormatRule(), NoClientErrorResponseRule(),
        DuplicateOperationIDRule(), PathParameterUndeclaredRule(), PathParameterNotInTemplateRule(),
        UnresolvedRefRule(),
        InvalidExampleRule(), OverlappingOneOfRule(),
    ]

    public init(rules: [any LintRule] = Linter.defaultRules) {
        self.rules = rules
    }

    /// Lints `documents` (and the operations of `spec`, when the model could be built).
    /// - Parameter scope: which schemas the schema rules see; suites use `.reachableFromOperations`.
    public func lint(documents: DocumentStore, spec: APISpec?, scope: LintScope = .everything) -> [LintFinding] {
        let context = LintContext(documents: documents, spec: spec, scope: scope)
        var findings = Set<LintFinding>()
        for rule in rules { findings.formUnion(rule.check(context)) }
        return findings.sorted()
    }

    /// The findings of `lint`, with the rules run side by side (one task per rule): on a big spec
    /// `overlapping-oneof` takes about as long as all the other rules together.
    public func lintConcurrently(documents: DocumentStore, spec: APISpec?, scope: LintScope = .everything) async
        -> [LintFinding]
    {
        let context = LintContext(documents: documents, spec: spec, scope: scope)
        let findings = await withTaskGroup(of: [LintFinding].self) { group in
            for rule in rules { group.addTask { rule.check(context) } }
            var all = Set<LintFinding>()
            for await found in group { all.formUnion(found) }
            return all
        }
        return findings.sorted()
    }
}
