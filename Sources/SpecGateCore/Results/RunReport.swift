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
    /// Notes shown in every report (safe mode, skipped operations, generation findings, …).
    public var notes: [String]

    public init(
        toolVersion: String, suite: String, specTitle: String, baseURL: String, seed: UInt64, startedAt: String,
        durationMilliseconds: Double, checks: [String], operations: [OperationResult], findings: [Finding],
        requests: Int, transportErrors: Int, incomplete: Bool = false, notes: [String] = []
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
        self.notes = notes
    }

    public var failures: [Finding] { findings.filter { $0.kind == .failure } }
    public var errors: [Finding] { findings.filter { $0.kind == .error } }

    /// 0 all passed; 1 conformance failures; 3 every request errored (target unreachable);
    /// 130 interrupted. (2, usage or spec errors, never reaches a report.)
    public var exitCode: Int32 {
        if incomplete { return 130 }
        if requests > 0 && transportErrors == requests { return 3 }
        if !failures.isEmpty { return 1 }
        return 0
    }
}
