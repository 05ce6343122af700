import Foundation
import SpecGateCore
import SpecGateHTTP
import SpecGateRunner

/// How a ``ContractSuite`` is planned and run: `specgate run`'s options, with its defaults.
public struct RunConfiguration: Sendable {
    /// Case generation seed; the same seed gives the same cases.
    public var seed: UInt64 = 1
    /// Most cases per operation (`--max-cases`).
    public var maxCasesPerOperation = 30
    /// Valid cases per operation within ``maxCasesPerOperation`` (`--valid-cases`).
    public var validCasesPerOperation = 3
    /// Also send invalid cases (false: `--no-invalid`).
    public var includeInvalid = true
    /// Check names to run; empty runs the default checks (all but `max_response_time`).
    public var checks: [String] = []
    /// Latency budget in milliseconds; enables `max_response_time`.
    public var maxResponseTimeMilliseconds: Double?
    /// Only these operations (ids, operationIds or `"METHOD /path"`); empty tests every operation the suite selects.
    public var operations: [String] = []
    /// Filters on top of the suite's `include`/`exclude` (`--tag`, `--path`, `--method`; `--exclude-…`).
    public var include = OperationFilter()
    public var exclude = OperationFilter()
    /// Send only GET, HEAD and OPTIONS (`--safe`).
    public var safe = false
    /// Requests in flight at once.
    public var concurrency = 8
    /// Seconds for one whole exchange.
    public var timeoutSeconds: Double = 10
    /// Most requests per second; nil for no limit.
    public var rateLimit: Double?
    /// Retries on transport errors (never on HTTP statuses).
    public var retries = 2
    /// Most re-sends spent shrinking each failing valid case to a minimal repro (`--shrink-budget`; 0: none).
    public var shrinkBudget = 40
    /// Environment the suite's credential (`auth.env`) and `secrets` are read from: pass the key here in tests.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Write the run's JUnit XML report here (nil: none). Written after the run, also when it failed.
    public var junitPath: String?
    /// Write the run's JSON report here (nil: none; `specgate report` and `merge` read it).
    public var jsonPath: String?

    public init(
        seed: UInt64 = 1, maxCasesPerOperation: Int = 30, includeInvalid: Bool = true, operations: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment, junitPath: String? = nil,
        jsonPath: String? = nil
    ) {
        self.seed = seed
        self.maxCasesPerOperation = maxCasesPerOperation
        self.includeInvalid = includeInvalid
        self.operations = operations
        self.environment = environment
        self.junitPath = junitPath
        self.jsonPath = jsonPath
    }

    func runOptions(path: String, baseURL: String?, remote: RemoteDocuments, fetch: SpecFetcher.Options) -> RunOptions {
        var options = RunOptions(
            path: path, baseURL: baseURL, seed: seed, maxCasesPerOperation: maxCasesPerOperation,
            includeInvalid: includeInvalid,
            checks: checks, maxResponseTimeMilliseconds: maxResponseTimeMilliseconds, concurrency: concurrency,
            timeoutSeconds: timeoutSeconds, rateLimit: rateLimit, retries: retries, operations: operations,
            environment: environment)
        options.validCasesPerOperation = validCasesPerOperation
        options.include = include
        options.exclude = exclude
        options.safe = safe
        options.shrinkBudget = shrinkBudget
        options.remote = remote
        options.specFetch = fetch
        return options
    }

    /// Writes the reports that are asked for (JUnit and JSON written alone when only one is set).
    func writeReports(_ report: RunReport, masker: SecretMasker) throws(RunError) {
        switch (junitPath, jsonPath) {
        case (nil, nil):
            return
        case (let junit?, let json?):
            _ = try ReportWriter.write(report, junitPath: junit, jsonPath: json)
        case (let junit?, nil):
            try ReportWriter.writeJUnit(report, toPath: junit)
        case (nil, let json?):
            try ReportWriter.writeJSON(report, toPath: json)
        }
    }
}
