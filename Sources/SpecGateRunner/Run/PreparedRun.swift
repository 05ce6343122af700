import SpecGateCore

/// A run ready to send: the loaded spec, the cases, the compiled checks and the secret masker.
public struct PreparedRun: Sendable {
    public var target: LoadedTarget
    public var baseURL: String
    public var operations: [Operation]
    /// Cases in sending order (operations that produce linked resources first).
    public var cases: [PlannedCase]
    public var checks: [any ResponseCheck]
    public var schemas: ResponseSchemas
    public var masker: SecretMasker
    /// Suite parameter names whose values are fixed (not generated).
    public var fixedParameters: Set<String>
    /// Linked path parameters of the run's operations (one binding per consumer and parameter).
    public var links: [LinkBinding]
    /// What each producer sends for a consumer case: its first valid case, by operation id.
    public var producers: [String: PlannedCase]
    /// Captures workflow steps make: one binding per (producer, parameter) over the whole spec.
    public var captures: [LinkBinding]
    /// Clean-up of created resources, by producer operation id and parameter ("op.param").
    public var cleanups: [String: CleanupPlan]
    public var workflows: [PlannedWorkflow]
    public var disabledChecks: [DisabledCheck]
    public var notes: [String]
    public var options: RunOptions

    public var suiteName: String { target.suite?.name ?? target.spec.title }

    /// Requests the run sends at least (cases and workflow steps; producers and clean-ups come on top).
    public var plannedRequests: Int { cases.count + workflows.reduce(0) { $0 + $1.steps.count } }
}
