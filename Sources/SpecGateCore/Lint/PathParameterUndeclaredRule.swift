/// `path-parameter-undeclared` (error): a `{name}` in the path template with no path parameter of that name.
public struct PathParameterUndeclaredRule: LintRule {
    public static let id = "path-parameter-undeclared"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for operation in context.operations {
            let declared = Set(operation.parameters(in: .path).map(\.name))
            var reported = Set<String>()
            for name in PathTemplate.variables(in: operation.path)
            where !declared.contains(name) && reported.insert(name).inserted {
                findings.append(
                    LintFinding(
                        rule: Self.id, severity: .error, location: operation.source,
                        message: "{\(name)} in \(operation.path) has no path parameter in \(operation.displayName)",
                        operationID: operation.id))
            }
        }
        return findings
    }
}
