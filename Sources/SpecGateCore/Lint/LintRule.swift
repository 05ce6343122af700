/// A lint check over an API description. Rules are pure: they read the context and return findings.
public protocol LintRule: Sendable {
    /// Stable kebab-case id, e.g. `unsatisfiable-schema`.
    static var id: String { get }
    func check(_ context: LintContext) -> [LintFinding]
}
