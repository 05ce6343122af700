import SpecGateCore

/// A run's jobs in launch order, as `run` and `compare` send them: its cases one at a time (made on demand
/// by a ``CaseFeed``), then its workflows; with `--max-time`, then new distinct cases (``BudgetFeed``) until
/// the time is up, which also stops the cases and workflows before them.
///
/// A class: the sending loop's `next` and `fold` closures both reach it, and through a captured struct
/// every read (the progress figures after each job) copied it whole — the run, the case stream and its
/// de-duplication set — which was a measurable part of a run's CPU. It stays on the loop's own task.
final class JobFeed {
    enum Job {
        case single(PlannedCase)
        case workflow(PlannedWorkflow)
    }

    private(set) var cases: CaseFeed
    private let workflows: [PlannedWorkflow]
    private var nextWorkflow = 0
    /// `--max-time`: nil for a default run.
    private(set) var budget: BudgetFeed?

    init(_ run: PreparedRun) {
        cases = CaseFeed(run)
        workflows = run.workflows
        budget = run.options.maxTime.map { BudgetFeed(run, budget: $0) }
    }

    /// The next job, or nil when every case and workflow was handed out (or the time budget is spent).
    func next() -> Job? {
        if budget?.expired() == true { return nil }
        if let planned = cases.next() {
            budget?.remember(planned)
            return .single(planned)
        }
        if nextWorkflow < workflows.count {
            nextWorkflow += 1
            return .workflow(workflows[nextWorkflow - 1])
        }
        if let planned = budget?.next() { return .single(planned) }
        return nil
    }

    /// Folds a finished job's verdicts into the time budget's weights (nothing without `--max-time`).
    func observe(_ verdicts: [ExchangeVerdict]) {
        budget?.observe(verdicts)
    }

    /// Every job was handed out, or the time budget stopped handing them out.
    var exhausted: Bool {
        if let budget { return budget.stop != nil }
        return cases.exhausted && nextWorkflow == workflows.count
    }

    /// The progress total: the case bound and workflow steps; with a time budget, never below what is done
    /// (the budget's cases are not known in advance).
    func progressTotal(steps: Int, done: Int) -> Int {
        let bound = cases.caseBound + steps
        return budget == nil ? bound : max(bound, done)
    }

    /// Cases handed out so far (the budget's included).
    var casesMade: Int { cases.handedOut + (budget?.handedOut ?? 0) }

    /// The progress total is exact: every case was made (with a time budget, once it stopped).
    var totalIsExact: Bool { budget.map { $0.stop != nil } ?? cases.exhausted }

    /// The run's notes: the cases' (generation findings), then the time budget's.
    var notes: [String] { cases.notes + (budget?.notes ?? []) }
}
