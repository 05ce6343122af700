import SpecGateJSON

/// Runs the selected checks on exchanges and folds the verdicts into a `RunReport`, streaming: only
/// aggregates and deduplicated findings are kept, so memory does not grow with the number of cases.
public struct Judge: Sendable {
    public let checks: [any ResponseCheck]
    public let schemas: ResponseSchemas
    public let masker: SecretMasker
    /// Checks the suite switched off (`checks.disable`): not run, reported skipped with the reason.
    public var disabledChecks: [DisabledCheck] = []
    /// Longest body excerpt kept in a finding.
    public var excerptBytes: Int = 2048
    /// Enums of the response schemas, for enum coverage (none: no enum coverage).
    public var responseEnums = ResponseEnums()
    /// `--min-coverage`, recorded in the report's coverage.
    public var minimumCoveragePercent: Double?

    private var operations: [String: OperationTally] = [:]
    private var operationOrder: [String] = []
    private var findings: [String: Finding] = [:]
    private var findingOrder: [String] = []
    /// Whether the exchange being recorded is a flaky one.
    private var currentFlaky = false
    public private(set) var requests = 0
    public private(set) var transportErrors = 0
    /// Distinct failure findings so far.
    public private(set) var failureCount = 0

    public init(checks: [any ResponseCheck], schemas: ResponseSchemas, masker: SecretMasker) {
        self.checks = checks
        self.schemas = schemas
        self.masker = masker
    }

    struct OperationTally {
        var operation: Operation
        var valid = 0
        var invalid = 0
        var errors = 0
        var durationMilliseconds = 0.0
        var latency = LatencyRecorder()
        var judged: [String: Int] = [:]
        var failed: [String: Int] = [:]
        var findings: [String: [String]] = [:]
        /// Statuses seen (coverage).
        var statuses: Set<Int> = []
        /// Enum values seen (indices into each site's values), per body schema, parallel to its sites
        /// (``ResponseEnums/observer(for:)``): one lookup per response, whatever the number of sites.
        var enumSeen: [JSONLocation: [Set<Int>]] = [:]
        /// Body schemas whose every enum value has been seen: their bodies need no more looking at.
        var enumsComplete: Set<JSONLocation> = []
    }

    /// The suite's reason when `check` is disabled for `operation`.
    public func disabledReason(_ check: String, for operation: Operation) -> String? {
        disabledChecks.first { $0.disables(check, for: operation) }.map { "disabled by the suite: " + $0.reason }
    }

    /// Registers an operation even if none of its cases get sent (so it appears in reports).
    public mutating func register(_ operation: Operation) {
        // `index(forKey:)`, not `operations[id] == nil`: reading the value would copy the whole tally.
        if operations.index(forKey: operation.id) == nil {
            operations[operation.id] = OperationTally(operation: operation)
            operationOrder.append(operation.id)
        }
    }

    /// True when some selected check finds a violation in the exchange (nothing is recorded), for
    /// deciding whether to re-send a case (`--rerun-failures`).
    public func fails(_ exchange: ExchangeRecord) -> Bool {
        evaluate(exchange).fails
    }

    private func checkInput(_ exchange: ExchangeRecord, _ response: ObservedResponse, parsedBody: JSONValue? = nil)
        -> CheckInput
    {
        CheckInput(operation: exchange.operation, label: exchange.label, response: response, parsedBody: parsedBody)
    }

    /// The body parsed once (strictly) for the enum coverage and the checks, when its documented
    /// response has a JSON schema; nil otherwise or when it is not JSON.
    private func parseBody(_ operation: Operation, _ response: ObservedResponse) -> JSONValue? {
        guard !response.bodyTruncated, !response.body.isEmpty,
            operation.response(for: response.status)?.content.contains(where: { $0.isJSON && $0.schema != nil }) == true
        else { return nil }
        return try? JSONParser().parse(response.body)
    }

    /// Judges one exchange with every check and records the verdicts. `flaky`: the case passed when
    /// re-sent, so its failures are flaky unless another exchange hits them too.
    public mutating func record(_ exchange: ExchangeRecord, flaky: Bool = false) {
        record(evaluate(exchange), flaky: flaky)
    }

    /// The checks that judge an `unsupported-method` probe.
    static let probeChecks: Set<String> = ["unsupported_method", "not_a_server_error", "max_response_time"]
    /// The checks that judge the run's automatic reads after a state change (`CaseLabel.stateProbe`).
    static let stateProbeChecks: Set<String> = ["resource_available", "use_after_delete", "resource_persisted"]

    /// Runs the checks on one exchange without recording anything: the expensive, independent part of
    /// judging (parsing, schema validation), which may run on any task; ``record(_:flaky:)`` folds it in.
    public func evaluate(_ exchange: ExchangeRecord) -> ExchangeVerdict {
        guard case .response(let response) = exchange.outcome else { return ExchangeVerdict(exchange: exchange) }
        let parsed = parseBody(exchange.operation, response)
        let input = checkInput(exchange, response, parsedBody: parsed)
        var results: [ExchangeVerdict.CheckResult] = []
        // A method probe is a request the operation does not describe: only the checks that judge it run.
        let probe = exchange.mutation == UnsupportedMethod.mutationName
        for check in checks where disabledReason(check.name, for: exchange.operation) == nil {
            if probe && !Self.probeChecks.contains(check.name) { continue }
            if exchange.stateProbe != nil && !Self.stateProbeChecks.contains(check.name) { continue }
            guard let violations = check.check(input, schemas: schemas) else { continue }
            results.append(.init(check: check.name, violations: violations))
        }
        return ExchangeVerdict(exchange: exchange, parsedBody: parsed, results: results)
    }

    /// Records a verdict from ``evaluate(_:)``; `flaky` as for an exchange.
    public mutating func record(_ verdict: ExchangeVerdict, flaky: Bool = false) {
        currentFlaky = flaky
        defer { currentFlaky = false }
        let exchange = verdict.exchange
        register(exchange.operation)
        let opID = exchange.operation.id
        requests += 1
        // One in-place access to the operation's tally per exchange (each `operations[id]?.x` is a lookup).
        withTally(opID) { tally in
            if exchange.expectsSuccess { tally.valid += 1 } else { tally.invalid += 1 }
            switch exchange.outcome {
            case .transportError:
                tally.errors += 1
            case .response(let response):
                tally.durationMilliseconds += response.elapsedMilliseconds
                tally.latency.record(response)
                // A probe's 405 is not an answer of the operation (coverage).
                if exchange.mutation != UnsupportedMethod.mutationName { tally.statuses.insert(response.status) }
                for result in verdict.results {
                    tally.judged[result.check, default: 0] += 1
                    if !result.violations.isEmpty { tally.failed[result.check, default: 0] += 1 }
                }
            }
        }
        // Request and response summaries (masking, curl) are made only for a new finding.
        switch exchange.outcome {
        case .transportError(let kind, let message):
            transportErrors += 1
            addFinding(
                exchange: exchange, check: "transport", kind: .error,
                violation: CheckViolation(message: "\(kind): \(masker.mask(message))", fingerprintDetail: kind),
                response: nil)
        case .response(let response):
            observeEnums(exchange.operation, response, verdict.parsedBody)
            if response.bodyTruncated {
                addFinding(
                    exchange: exchange, check: "transport", kind: .error,
                    violation: CheckViolation(
                        message:
                            "response body cut at \(response.body.count) bytes (--max-response-bytes); not validated",
                        fingerprintDetail: "truncated"),
                    response: response)
            }
            for result in verdict.results {
                for violation in result.violations {
                    addFinding(
                        exchange: exchange, check: result.check, kind: .failure, violation: violation,
                        response: response)
                }
            }
        }
    }

    /// Runs `body` on the tally of an operation in place (one hash lookup, no copy).
    private mutating func withTally(_ id: String, _ body: (inout OperationTally) -> Void) {
        guard let index = operations.index(forKey: id) else { return }
        body(&operations.values[index])
    }

    /// Records the enum values a JSON body holds where its documented schema has an `enum`.
    private mutating func observeEnums(_ operation: Operation, _ response: ObservedResponse, _ parsed: JSONValue?) {
        guard !response.bodyTruncated, !response.body.isEmpty,
            let schema = operation.response(for: response.status)?.content.first(where: { $0.isJSON })?.schema,
            let index = operations.index(forKey: operation.id), !operations.values[index].enumsComplete.contains(schema)
        else { return }
        guard let observer = responseEnums.observer(for: schema), let body = parsed else { return }
        let sites = observer.sites
        // One walk of the body for every site, noting only what was not seen yet: in the common case (nothing
        // new) the tally is read once and not copied.
        let known = operations.values[index].enumSeen[schema]
        var new: [(site: Int, position: Int)] = []
        observer.observe(body) { site, positions in
            for position in positions where known?[site].contains(position) != true { new.append((site, position)) }
        }
        guard !new.isEmpty else { return }
        let empty = Array(repeating: Set<Int>(), count: sites.count)
        for (site, position) in new {
            operations.values[index].enumSeen[schema, default: empty][site].insert(position)
        }
        if let seen = operations.values[index].enumSeen[schema],
            zip(sites, seen).allSatisfy({ $0.values.count == $1.count })
        {
            operations.values[index].enumsComplete.insert(schema)
        }
    }

    /// Coverage of the operation so far.
    private func coverage(_ tally: OperationTally) -> OperationCoverage {
        let operation = tally.operation
        let documented = operation.responses.map(\.status).sorted().map(\.description)
        let matched = Set(tally.statuses.compactMap { operation.response(for: $0)?.status.description })
        var enums: [EnumCoverage] = []
        var seen: Set<JSONLocation> = []
        // A site may be reached from several body schemas (a shared component): what any of them saw.
        var observedAt: [JSONLocation: Set<Int>] = [:]
        for (schema, sets) in tally.enumSeen {
            for (site, set) in zip(responseEnums.sites(for: schema), sets) {
                observedAt[site.location, default: []].formUnion(set)
            }
        }
        for response in operation.responses {
            for media in response.content where media.isJSON {
                guard let schema = media.schema else { continue }
                for site in responseEnums.sites(for: schema) where seen.insert(site.location).inserted {
                    let values = site.values.map(JSONWriter.compact)
                    let observed = observedAt[site.location] ?? []
                    enums.append(
                        EnumCoverage(
                            location: site.location.description, values: values,
                            observed: values.indices.filter(observed.contains).map { values[$0] }))
                }
            }
        }
        return OperationCoverage(
            operationID: operation.id, documented: documented, observed: documented.filter(matched.contains),
            undocumented: tally.statuses.filter { operation.response(for: $0) == nil }.sorted(), enums: enums)
    }

    private mutating func addFinding(
        exchange: ExchangeRecord, check: String, kind: FindingKind, violation: CheckViolation,
        response: ObservedResponse?
    ) {
        let opID = exchange.operation.id
        let fingerprint = Fingerprint.of([opID, check, violation.fingerprintDetail])
        if findings[fingerprint] != nil {
            findings[fingerprint]?.occurrences += 1
            if !currentFlaky || kind == .error { findings[fingerprint]?.flaky = false }
            return
        }
        findingOrder.append(fingerprint)
        if kind == .failure { failureCount += 1 }
        operations[opID]?.findings[check, default: []].append(fingerprint)
        findings[fingerprint] = Finding(
            fingerprint: fingerprint, kind: kind, check: check, operationID: opID,
            operationName: exchange.operation.displayName, caseID: exchange.caseID, mutation: exchange.mutation,
            message: masker.mask(violation.message), expected: violation.expected.map(masker.mask),
            actual: violation.actual.map(masker.mask), instancePointer: violation.instancePointer,
            schemaLocation: violation.schemaLocation, request: summarise(exchange), response: response.map(summarise))
        findings[fingerprint]?.flaky = currentFlaky && kind == .failure
    }

    /// Attaches a failing case's minimal repro (the shrunk exchange) to its finding; false when no such finding.
    @discardableResult
    public mutating func attachMinimalRepro(
        fingerprint: String, exchange: ExchangeRecord, status: Int, resends: Int, changes: [String]
    ) -> Bool {
        guard findings[fingerprint] != nil else { return false }
        let repro = MinimalRepro(request: summarise(exchange), status: status, resends: resends, changes: changes)
        findings[fingerprint]?.minimalRepro = repro
        return true
    }

    private func summarise(_ exchange: ExchangeRecord) -> RequestSummary {
        let headers = exchange.request.headers.map {
            HeaderField(name: $0.name, value: masker.maskHeader(name: $0.name, value: $0.value))
        }
        var summary = RequestSummary(
            method: exchange.request.method.wireName, url: masker.mask(exchange.url), headers: headers,
            bodyExcerpt: exchange.request.body.map { excerpt($0) },
            curl: CurlCommand.render(
                method: exchange.request.method, url: exchange.url, headers: exchange.request.headers,
                body: exchange.request.body, masker: masker))
        // The whole body too when the excerpt cuts it, so `replay` re-sends what was sent.
        if let body = exchange.request.body, body.count > excerptBytes {
            summary.body = masker.mask(String(decoding: body, as: UTF8.self))
        }
        return summary
    }

    private func summarise(_ response: ObservedResponse) -> ResponseSummary {
        ResponseSummary(
            status: response.status,
            headers: response.headers.map {
                HeaderField(name: $0.name, value: masker.maskHeader(name: $0.name, value: $0.value))
            },
            bodyExcerpt: response.body.isEmpty ? nil : excerpt(response.body),
            elapsedMilliseconds: response.elapsedMilliseconds, truncated: response.bodyTruncated)
    }

    private func excerpt(_ bytes: [UInt8]) -> String {
        let cut = bytes.count > excerptBytes
        let text = String(decoding: bytes.prefix(excerptBytes), as: UTF8.self)
        // Masked with the clip marker, so a secret the cut splits is masked too.
        return cut ? masker.mask(text + "…") + " (\(bytes.count) bytes)" : masker.mask(text)
    }

    /// The report so far.
    public func report(
        toolVersion: String, suite: String, specTitle: String, baseURL: String, seed: UInt64, startedAt: String,
        durationMilliseconds: Double, incomplete: Bool, diagnostics: [Diagnostic]
    ) -> RunReport {
        let results = operationOrder.compactMap { id -> OperationResult? in
            guard let tally = operations[id] else { return nil }
            let checkResults = checks.map { check -> CheckResult in
                let judged = tally.judged[check.name] ?? 0
                let failed = tally.failed[check.name] ?? 0
                if let reason = disabledReason(check.name, for: tally.operation) {
                    return CheckResult(
                        name: check.name, status: .skipped, judged: 0, failedExchanges: 0, findings: [], reason: reason)
                }
                let status: CheckResult.Status
                if failed > 0 {
                    status = .failed
                } else if judged > 0 {
                    status = .passed
                } else if tally.errors > 0 && tally.errors == tally.valid + tally.invalid {
                    status = .error
                } else {
                    status = .skipped
                }
                let reason: String? =
                    status == .skipped
                    ? "not applicable to any exchange of this operation"
                    : status == .error ? "every exchange ended in a transport error" : nil
                return CheckResult(
                    name: check.name, status: status, judged: judged, failedExchanges: failed,
                    findings: tally.findings[check.name] ?? [], reason: reason)
            }
            var result = OperationResult(
                operationID: id, method: tally.operation.method.wireName, path: tally.operation.path,
                validCases: tally.valid, invalidCases: tally.invalid, errors: tally.errors, checks: checkResults,
                durationMilliseconds: tally.durationMilliseconds)
            result.latency = tally.latency.summary
            return result
        }
        var report = RunReport(
            toolVersion: toolVersion, suite: suite, specTitle: specTitle, baseURL: masker.mask(baseURL), seed: seed,
            startedAt: startedAt, durationMilliseconds: durationMilliseconds, checks: checks.map(\.name),
            operations: results, findings: findingOrder.compactMap { findings[$0] }, requests: requests,
            transportErrors: transportErrors, incomplete: incomplete, diagnostics: diagnostics)
        report.coverage = ContractCoverage(
            operations: operationOrder.compactMap { operations[$0].map(coverage) },
            minimumPercent: minimumCoveragePercent)
        return report
    }
}
