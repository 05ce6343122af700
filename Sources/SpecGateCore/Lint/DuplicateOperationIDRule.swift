/// `duplicate-operation-id` (error): two operations share an `operationId`.
public struct DuplicateOperationIDRule: LintRule {
    public static let id = "duplicate-operation-id"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var first: [String: Operation] = [:]
        var findings: [LintFinding] = []
        for operation in context.operations {
            guard let operationId = operation.operationId else { continue }
            guard let original = first[operationId] else {
                first[operationId] = operation
                continue
            }
            findings.append(
                LintFinding(
                    rule: Self.id, severity: .error, location: operation.source.appending("operationId"),
                    message:
                        "operationId \"\(operationId)\" of \(operation.displayName) is already used by \(original.displayName)",
                    operationID: operationId))
        }
        return findings
    }
}
