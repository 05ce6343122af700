/// Which schemas the schema rules look at.
public enum LintScope: Sendable, Hashable {
    /// Every schema of the operations plus every `components.schemas` entry of every document.
    case everything
    /// Only the schemas the operations reach (through `$ref`s and subschemas); for suites that
    /// test a subset of an API.
    case reachableFromOperations
}
