/// Everything one run produced; the JSON, JUnit and console reports are views of it.
public struct RunReport: Sendable, Hashable {
    public var toolVersion: String
    public var suite: String
    public var specTitle: String
    public var baseURL: String
    public var seed: UInt64
    /// ISO 8601 UTC start time.
    public var startedAt: String
    public var durationMilliseconds: Double
    public var checks: [String]
    public var operations: [OperationResult]
    public var findings: [Finding]
    public var requests: Int
    public var transportErrors: Int
    /// True when the run was interrupted; the report holds what finished.
    public var incomplete: Bool
    /// Notes and warnings shown in every report (safe mode, skipped operations, generation findings,
    /// overlay warnings, …): one list that the console, JSON, JUnit and HTML reports all show.
    public var diagnostics: [Diagnostic]
    /// The diagnostics as one-line texts (the report's `notes` before diagnostics were typed).
    public var notes: [String] {
        get { diagnostics.lines }
        set { diagnostics.lines = newValue }
    }
    /// The suite (or spec) path the run was given, as given; `baseline accept` writes next to it.
    public var suitePath: String?
    /// The shard this run covered, when the operations were split (`--shard i/n`).
    public var shard: Shard?
    /// How the run compared with a baseline, when one was given.
    public var baseline: BaselineComparison?
    /// Contract coverage (statuses and enum values observed), when the run measured it.
    public var coverage: ContractCoverage?

    public init(
        toolVersion: String, suite: String, specTitle: String, baseURL: String, seed: UInt64, startedAt: String,
        durationMilliseconds: Double, checks: [String], operations: [OperationResult], findings: [Finding],
        requests: Int, transportErrors: Int, incomplete: Bool = false, diagnostics: [Diagnostic] = [],
        notes: [String] = []
    ) {
        self.toolVersion = toolVersion
        self.suite = suite
        self.specTitle = specTitle
        self.baseURL = baseURL
        self.seed = seed
        self.startedAt = startedAt
        self.durationMilliseconds = durationMilliseconds
        self.checks = checks
        self.operations = operations
        self.findings = findings
        self.requests = requests
        self.transportErrors = transportErrors
        self.incomplete = incomplete
        self.diagnostics = diagnostics + notes.map(Diagnostic.init(note:))
    }

    /// Adds a one-line note (see ``Diagnostic/init(note:)`` for its code).
    public mutating func append(note text: String) { diagnostics.append(Diagnostic(note: text)) }

    /// Failures not accepted in the baseline.
    public var failures: [Finding] { findings.filter { $0.kind == .failure && !$0.baselined && !$0.flaky } }
    /// Errors not accepted in the baseline.
    public var errors: [Finding] { findings.filter { $0.kind == .error && !$0.baselined && !$0.flaky } }
    /// Findings whose cases passed when re-sent (listed, not failing the run).
    public var flakyFindings: [Finding] { findings.filter { $0.flaky && !$0.baselined } }
    /// Findings accepted in the baseline (listed, not failing the run).
    public var baselinedFindings: [Finding] { findings.filter(\.baselined) }
    /// The findings grouped by cause across operations, largest first (derived from `findings`).
    public var rootCauses: [RootCause] { RootCauseAnalysis.group(findings) }

    /// True when `check` failed only on findings the baseline accepted.
    public func isBaselinedOnly(_ check: CheckResult) -> Bool {
        guard check.status == .failed, !check.findings.isEmpty else { return false }
        let accepted = Set(baselinedFindings.map(\.fingerprint))
        return check.findings.allSatisfy(accepted.contains)
    }

    /// True when `check` failed only on findings that are baselined or flaky (and at least one is flaky).
    public func isFlakyOnly(_ check: CheckResult) -> Bool {
        guard check.status == .failed, !check.findings.isEmpty else { return false }
        let flaky = Set(flakyFindings.map(\.fingerprint))
        let accepted = Set(baselinedFindings.map(\.fingerprint))
        return check.findings.contains(where: flaky.contains)
            && check.findings.allSatisfy { flaky.contains($0) || accepted.contains($0) }
    }

    /// 0 all passed; 1 conformance failures or errors (a transport error is not a pass); 3 every
    /// request errored (target unreachable); 1 also when coverage is below `--min-coverage`; 130 interrupted. (2, usage or spec errors, never reaches a report.)
    public var exitCode: Int32 {
        if incomplete { return 130 }
        if requests > 0 && transportErrors == requests { return 3 }
        if findings.contains(where: { !$0.baselined && !$0.flaky }) || coverage?.belowMinimum == true { return 1 }
        return 0
    }
}
