import SpecGateJSON

/// A compiled schema: validates instances without re-reading schema JSON. Cheap to copy and share.
public struct CompiledSchema: Sendable {
    let arena: NodeArena
    let root: Int
    let regexStepBudget: Int
    let usesDynamicScope: Bool

    /// Every violation of the schema by `instance` (empty when valid).
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        if isValid(instance) { return [] }
        return violations(of: instance)
    }

    /// Whether `instance` is valid; stops at the first violation and builds no messages.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(schema: self, recording: false)
        var annotations = Annotations()
        return evaluator.evaluate(root, instance, collect: false, &annotations)
    }

    /// The full evaluation, recording every violation (no fast-path shortcut).
    func violations(of instance: JSONValue) -> [SchemaViolation] {
        var evaluator = Evaluator(schema: self, recording: true)
        var annotations = Annotations()
        _ = evaluator.evaluate(root, instance, collect: false, &annotations)
        return evaluator.violations
    }
}
