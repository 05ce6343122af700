import SpecGateCore

/// A run's jobs in launch order, as `run` and `compare` send them: its cases one at a time (made on demand
/// by a ``CaseFeed``), then its workflows.
struct JobFeed {
    enum Job {
        case single(PlannedCase)
        case workflow(PlannedWorkflow)
    }

    private(set) var cases: CaseFeed
    private let workflows: [PlannedWorkflow]
    private var nextWorkflow = 0

    init(_ run: PreparedRun) {
        cases = CaseFeed(run)
        workflows = run.workflows
    }

    /// The next job, or nil when every case and workflow was handed out.
    mutating func next() -> Job? {
        if let planned = cases.next() { return .single(planned) }
        guard nextWorkflow < workflows.count else { return nil }
        nextWorkflow += 1
        return .workflow(workflows[nextWorkflow - 1])
    }

    /// Every job was handed out.
    var exhausted: Bool { cases.exhausted && nextWorkflow == workflows.count }
}
