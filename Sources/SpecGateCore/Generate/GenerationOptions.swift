import SpecGateJSON

/// Everything that steers case generation besides the spec itself.
public struct GenerationOptions: Sendable {
    /// Same seed, same spec → byte-identical cases.
    public var seed: UInt64
    /// Upper bound on cases (valid + invalid) per operation.
    public var maxCasesPerOperation: Int
    /// Valid cases per operation (boundary and example variants), within `maxCasesPerOperation`.
    public var validCasesPerOperation: Int
    public var includeInvalid: Bool
    /// Suite headers sent on every request (e.g. `cal-api-version`); they override generated values.
    public var fixedHeaders: [HeaderField]
    public var credential: Credential?
    /// Suite parameter values by name or "operationId.name" (the latter wins).
    public var parameterValues: [String: JSONValue]
    /// Suite body values (`values`), applied to valid bodies (and so to the invalid cases built from them).
    public var bodyValues: [BodyValue]
    /// Per-operation expectation overrides by operation id (e.g. an endpoint known to answer 404).
    public var expectationOverrides: [String: ExpectedOutcome]
    /// Operations that carry their path's `unsupported-method` probe (one per path; none by default:
    /// the run picks them when the `unsupported_method` check is on for them).
    public var methodProbeOperations: Set<String> = []
    /// Probes use safe methods only (`--safe`): `GET` where the path lacks it, else no probe.
    public var safeMethodProbesOnly = false

    public init(
        seed: UInt64 = 1, maxCasesPerOperation: Int = 40, validCasesPerOperation: Int = 3, includeInvalid: Bool = true,
        fixedHeaders: [HeaderField] = [], credential: Credential? = nil, parameterValues: [String: JSONValue] = [:],
        bodyValues: [BodyValue] = [], expectationOverrides: [String: ExpectedOutcome] = [:]
    ) {
        self.seed = seed
        self.maxCasesPerOperation = maxCasesPerOperation
        self.validCasesPerOperation = validCasesPerOperation
        self.includeInvalid = includeInvalid
        self.fixedHeaders = fixedHeaders
        self.credential = credential
        self.parameterValues = parameterValues
        self.bodyValues = bodyValues
        self.expectationOverrides = expectationOverrides
    }

    /// The suite value for a parameter of an operation, if any.
    public func parameterValue(operation: Operation, name: String) -> JSONValue? {
        if let id = operation.operationId, let v = parameterValues[id + "." + name] { return v }
        if let v = parameterValues[operation.id + "." + name] { return v }
        return parameterValues[name]
    }

    /// The fixed header value for a name (case-insensitive), if any.
    public func fixedHeader(_ name: String) -> String? {
        let lower = name.lowercased()
        return fixedHeaders.first { $0.name.lowercased() == lower }?.value
    }
}
