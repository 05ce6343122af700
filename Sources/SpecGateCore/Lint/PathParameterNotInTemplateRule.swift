/// `path-parameter-not-in-template` (error): a path parameter whose name does not appear as `{name}` in the path.
public struct PathParameterNotInTemplateRule: LintRule {
    public static let id = "path-parameter-not-in-template"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for operation in context.operations {
            let variables = Set(PathTemplate.variables(in: operation.path))
            for parameter in operation.parameters(in: .path) where !variables.contains(parameter.name) {
                findings.append(
                    LintFinding(
                        rule: Self.id, severity: .error, location: parameter.source,
                        message:
                            "path parameter \"\(parameter.name)\" of \(operation.displayName) is not in the path template",
                        operationID: operation.id))
            }
        }
        return findings
    }
}
