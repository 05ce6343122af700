import SpecGateCore

/// Hands out a run's cases one at a time, operation by operation in sending order (generated cases,
/// then scenario cases): only the operation being generated is held, never the whole case list.
public struct CaseFeed {
    let run: PreparedRun
    var planIndex = 0
    var stream: CaseStream?
    /// The current operation's generated cases are all handed out (scenarios follow).
    var generated = false
    var scenarioIndex = 0
    var madeInPlan = 0
    /// Generation findings of each finished operation, parallel to `run.plans`.
    public private(set) var findings: [[GenerationFinding]]
    /// Cases handed out so far.
    public private(set) var handedOut = 0
    /// Cases the run has at most: exact for finished operations, their bound for the others.
    public private(set) var caseBound: Int
    /// Every case was handed out.
    public private(set) var exhausted = false

    public init(_ run: PreparedRun) {
        self.run = run
        self.findings = Array(repeating: [], count: run.plans.count)
        self.caseBound = run.plans.reduce(0) { $0 + $1.caseBound }
    }

    /// The next case to send, or nil when there is none left.
    public mutating func next() -> PlannedCase? {
        while planIndex < run.plans.count {
            let plan = run.plans[planIndex]
            if !generated {
                if stream == nil { stream = run.generator.cases(for: plan.operation) }
                // Mutated in place (optional chaining): the stream's de-duplication set is never copied.
                if let testCase = stream?.next() {
                    return handOut(plan.planned(testCase, fixedParameters: run.fixedParameters))
                }
                findings[planIndex] = stream?.findings ?? []
                stream = nil
                generated = true
            }
            if scenarioIndex < plan.scenarios.count {
                scenarioIndex += 1
                return handOut(plan.scenarios[scenarioIndex - 1])
            }
            caseBound += madeInPlan - plan.caseBound
            madeInPlan = 0
            generated = false
            scenarioIndex = 0
            planIndex += 1
        }
        exhausted = true
        return nil
    }

    private mutating func handOut(_ planned: PlannedCase) -> PlannedCase {
        handedOut += 1
        madeInPlan += 1
        return planned
    }

    /// The run's diagnostics with the generation findings of the operations generated so far.
    public var diagnostics: [Diagnostic] { run.diagnostics(generationFindings: findings) }
    /// The diagnostics as one-line texts.
    public var notes: [String] { diagnostics.lines }
}
