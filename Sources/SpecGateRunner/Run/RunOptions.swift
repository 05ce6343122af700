import SpecGateCore
import SpecGateHTTP

/// Everything `specgate run` can be told.
public struct RunOptions: Sendable {
    /// Suite or spec path.
    public var path: String
    public var baseURL: String?
    public var seed: UInt64
    public var maxCasesPerOperation: Int
    public var includeInvalid: Bool
    /// Check names; empty = defaults.
    public var checks: [String]
    public var maxResponseTimeMilliseconds: Double?
    public var concurrency: Int
    public var timeoutSeconds: Double
    public var rateLimit: Double?
    public var retries: Int
    public var maxResponseBytes: Int
    public var caCertificatePath: String?
    /// Only these operations (ids, operationIds or "METHOD /path"); empty = all the suite includes.
    public var operations: [String]
    /// Command-line filters on top of the suite's `include`/`exclude` (tags, operations, path globs, methods).
    public var include: OperationFilter = OperationFilter()
    public var exclude: OperationFilter = OperationFilter()
    /// Send only GET, HEAD and OPTIONS (staging and production): no producers, workflows with other
    /// methods, or clean-ups are run; the report says so.
    public var safe: Bool = false
    /// Valid cases per operation (the rest of `maxCasesPerOperation` goes to invalid cases); raise it
    /// for load-style runs.
    public var validCasesPerOperation: Int = 3
    /// `--changed-since`: only operations whose contract changed since this older spec or suite (see
    /// `ChangedSinceSelection`); nil selects regardless of changes.
    public var changedSince: String?
    /// Only this shard of the selected operations (see `Shard` for the split).
    public var shard: Shard?
    /// `--min-coverage`: fail (exit 1) when fewer documented status codes than this percentage are observed.
    public var minimumCoveragePercent: Double?
    /// `--max-time`: keep sending new, distinct cases until this much time has passed (``BudgetFeed``); nil sends
    /// the default cases only.
    public var maxTime: TimeBudget?
    /// Re-send a failing case up to this many times; if it then passes, its findings are flaky (not failures).
    public var rerunFailures: Int = 0
    /// Most re-sends spent shrinking one failing valid case to a minimal repro (0: no shrinking); the run
    /// spends at most ten times this in all.
    public var shrinkBudget: Int = 40
    /// Nothing will be sent (`specgate plan`): an unset credential variable gets the placeholder `<VAR>`
    /// (the secret is never printed anyway), and a missing or relative base URL falls back to
    /// `http://localhost`.
    public var planOnly: Bool = false
    /// How a spec (or `--changed-since` spec) given by URL is fetched: headers (masked like any secret), CA,
    /// size limit, timeout.
    public var specFetch: SpecFetcher.Options = SpecFetcher.Options()
    /// Documents already fetched (`RunPreparation.prepareFetching` fills this in).
    public var remote: RemoteDocuments = RemoteDocuments()
    /// Values for the variables of the spec's first server (`--server-var name=value`); others take their defaults.
    public var serverVariables: [String: String] = [:]
    /// Environment for secrets (`CAL_API_KEY`, …).
    public var environment: [String: String]
    public var toolVersion: String

    public init(
        path: String, baseURL: String? = nil, seed: UInt64 = 1, maxCasesPerOperation: Int = 30,
        includeInvalid: Bool = true,
        checks: [String] = [], maxResponseTimeMilliseconds: Double? = nil, concurrency: Int = 8,
        timeoutSeconds: Double = 10,
        rateLimit: Double? = nil, retries: Int = 2, maxResponseBytes: Int = 10 << 20, caCertificatePath: String? = nil,
        operations: [String] = [], environment: [String: String] = [:], toolVersion: String = SpecGateVersion.current
    ) {
        self.path = path
        self.baseURL = baseURL
        self.seed = seed
        self.maxCasesPerOperation = maxCasesPerOperation
        self.includeInvalid = includeInvalid
        self.checks = checks
        self.maxResponseTimeMilliseconds = maxResponseTimeMilliseconds
        self.concurrency = concurrency
        self.timeoutSeconds = timeoutSeconds
        self.rateLimit = rateLimit
        self.retries = retries
        self.maxResponseBytes = maxResponseBytes
        self.caCertificatePath = caCertificatePath
        self.operations = operations
        self.environment = environment
        self.toolVersion = toolVersion
    }
}

/// The tool's version, shown in reports.
public enum SpecGateVersion {
    public static let current = "0.1.0"
}
