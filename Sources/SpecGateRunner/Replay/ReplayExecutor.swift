import Foundation
import SpecGateCore
import SpecGateHTTP

/// What `specgate replay` is told.
public struct ReplayOptions: Sendable {
    /// The JSON report whose findings are re-sent.
    public var reportPath: String
    /// Where to send (default: the report's base URL).
    public var baseURL: String?
    /// The suite or spec to judge with (default: the report's `suitePath`).
    public var suitePath: String?
    /// Only these findings (fingerprints); empty: every finding not baselined.
    public var fingerprints: [String]
    /// Secrets come from here again (the report holds only placeholders).
    public var environment: [String: String]
    public var timeoutSeconds: Double
    public var toolVersion: String

    public init(
        reportPath: String, baseURL: String? = nil, suitePath: String? = nil, fingerprints: [String] = [],
        environment: [String: String], timeoutSeconds: Double = 10, toolVersion: String = SpecGateVersion.current
    ) {
        self.reportPath = reportPath
        self.baseURL = baseURL
        self.suitePath = suitePath
        self.fingerprints = fingerprints
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
        self.toolVersion = toolVersion
    }
}

/// Re-sends the requests of a JSON report's findings and re-judges each with its check.
///
/// The stored request is re-sent as it was (method, path and query, headers, body), its `$NAME`
/// placeholders filled from the environment again. A path parameter the suite links to a producer (e.g.
/// `bookingUid` from `POST /v2/bookings`) gets a fresh resource first, as in a run, and it is cleaned up
/// afterwards; a workflow step is re-sent inside its workflow (the earlier steps as planned). A credential
/// the report shows only as `***` (a generated unknown key) is taken from the regenerated case.
public enum ReplayExecutor {
    public static func execute(_ options: ReplayOptions) async throws(RunError) -> (
        report: ReplayReport, masker: SecretMasker
    ) {
        let source = try BaselineFile.loadReport(options.reportPath)
        var selected = source.findings.filter { !$0.baselined }
        if !options.fingerprints.isEmpty {
            let known = Set(source.findings.map(\.fingerprint))
            if let unknown = options.fingerprints.first(where: { !known.contains($0) }) {
                throw RunError("no finding \(unknown) in \(options.reportPath)")
            }
            selected = source.findings.filter { options.fingerprints.contains($0.fingerprint) }
        }
        guard let suite = options.suitePath ?? source.suitePath else {
            throw RunError("\(options.reportPath) names no suite (suitePath); pass --suite")
        }
        var runOptions = RunOptions(
            path: suite, baseURL: options.baseURL ?? source.baseURL, seed: source.seed, maxCasesPerOperation: 500,
            checks: source.checks.filter { $0 != "max_response_time" }, concurrency: 1,
            timeoutSeconds: options.timeoutSeconds,
            retries: 0, environment: options.environment, toolVersion: options.toolVersion)
        var operationIDs: [String] = []
        for finding in selected where !operationIDs.contains(finding.operationID) {
            operationIDs.append(finding.operationID)
        }
        runOptions.operations = operationIDs
        let started = Date()
        guard !selected.isEmpty else {
            return (
                ReplayReport(
                    toolVersion: options.toolVersion, source: options.reportPath, baseURL: runOptions.baseURL ?? "",
                    startedAt: ISO8601DateFormatter().string(from: started), results: [],
                    diagnostics: [.note("replay.nothing-to-replay", "the report has no finding to replay")]),
                SecretMasker()
            )
        }
        let run = try await RunPreparation.prepareFetching(runOptions)
        // Credentials from `command`, `oauth2` or `login` are obtained again (the stored requests carry their
        // placeholders, filled in as they are sent), as a run does.
        let transport = try await RunTransport.make(for: run, baseURL: run.baseURL)
        var probe = Judge(checks: run.checks, schemas: run.schemas, masker: run.masker)
        probe.disabledChecks = run.disabledChecks
        let cases = Dictionary(run.makeAllCases().map { ($0.testCase.id, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics = DiagnosticCollector()
        if source.checks.contains("max_response_time") {
            diagnostics.emit(
                .note("replay.not-rejudged", "max_response_time is not re-judged (its limit is not in the report)"))
        }
        // One finding at a time (`concurrency` 1), in the report's order, through the loop `run` sends with.
        var results: [Int: ReplayResult] = [:]
        let findings = selected
        let replayProbe = probe
        _ = await BoundedJobs.run(
            limit: runOptions.concurrency,
            next: { index in index < findings.count ? findings[index] : nil },
            work: { finding, index in
                (
                    index,
                    await replay(
                        finding, source: source, run: run, cases: cases, probe: replayProbe, transport: transport,
                        index: index)
                )
            },
            fold: { (index: Int, result: ReplayResult) in results[index] = result })
        let ordered = results.sorted { $0.key < $1.key }.map(\.value)
        await transport.shutdown()
        for note in await transport.credentialNotes(masker: run.masker) { diagnostics.emit(Diagnostic(note: note)) }
        let report = ReplayReport(
            toolVersion: options.toolVersion, source: options.reportPath, baseURL: run.masker.mask(run.baseURL),
            startedAt: ISO8601DateFormatter().string(from: started), results: ordered,
            diagnostics: diagnostics.diagnostics)
        return (report, run.masker)
    }

    /// The stored request of `finding`, placeholders filled from the environment; nil when it cannot be rebuilt.
    static func request(_ finding: Finding, source: RunReport, run: PreparedRun, regenerated: PreparedRequest?)
        -> PreparedRequest?
    {
        guard let method = HTTPMethod(rawValue: finding.request.method.lowercased()) else { return nil }
        let masker = run.masker
        let url = masker.unmask(finding.request.url)
        var pathAndQuery: String
        let base = masker.unmask(source.baseURL)
        if !base.isEmpty, url.hasPrefix(base) {
            pathAndQuery = String(url.dropFirst(base.count))
        } else if let scheme = url.range(of: "://"), let slash = url[scheme.upperBound...].firstIndex(of: "/") {
            pathAndQuery = String(url[slash...])
        } else {
            return nil
        }
        // The run's base URL may carry a path prefix the stored path already has.
        if let prefix = URLComponents(string: run.baseURL)?.path, prefix.count > 1, pathAndQuery.hasPrefix(prefix) {
            pathAndQuery = String(pathAndQuery.dropFirst(prefix.hasSuffix("/") ? prefix.count - 1 : prefix.count))
        }
        if !pathAndQuery.hasPrefix("/") { pathAndQuery = "/" + pathAndQuery }
        let headers = finding.request.headers.map { header in
            if header.value.contains(SecretMasker.redacted), let original = regenerated?.header(header.name) {
                return HeaderField(name: header.name, value: original)
            }
            return HeaderField(name: header.name, value: masker.unmask(header.value))
        }
        let body = finding.request.fullBody.map { Array(masker.unmask($0).utf8) }
        return PreparedRequest(method: method, pathAndQuery: pathAndQuery, headers: headers, body: body)
    }

    static func replay(
        _ finding: Finding, source: RunReport, run: PreparedRun, cases: [String: PlannedCase], probe: Judge,
        transport: RunTransport, index: Int
    ) async -> ReplayResult {
        let caseID = String(finding.caseID.split(separator: "@", maxSplits: 1).first ?? Substring(finding.caseID))
        let workflow = run.workflows.first { $0.steps.contains { $0.testCase.id == caseID } }
        let operation = run.judgedOperations.first { $0.id == finding.operationID }
        let planned = cases[caseID] ?? workflow?.steps.first { $0.testCase.id == caseID }
        func result(
            _ outcome: ReplayOutcome, _ detail: String, _ sent: PreparedRequest?, status: Int? = nil,
            links: String? = nil
        ) -> ReplayResult {
            ReplayResult(
                fingerprint: finding.fingerprint, check: finding.check, operationID: finding.operationID,
                operationName: finding.operationName, caseID: finding.caseID, outcome: outcome,
                detail: run.masker.mask(detail),
                request: sent.map { summary($0, run: run, transport: transport) } ?? finding.request, status: status,
                linkNote: links)
        }
        guard let operation else {
            return result(.notReproducible, "operation \(finding.operationID) is not in the suite any more", nil)
        }
        guard let stored = request(finding, source: source, run: run, regenerated: planned?.testCase.request) else {
            return result(
                .notReproducible,
                "the stored request cannot be rebuilt (\(finding.request.method) \(finding.request.url))", nil)
        }
        var sending = planned ?? fallback(finding, operation: operation, run: run)
        sending.testCase.request = stored
        let records: [ExchangeRecord]
        let consumer: Int?
        var links: String?
        if finding.caseID.contains("@") {
            // A producer's own exchange: it makes a fresh resource anyway; re-sent as stored.
            let exchange = await transport.send(stored, index: index)
            records = [
                RunExecutor.record(
                    sending, exchange: exchange, transport: transport, identifiersResolved: false, generated: true)
            ]
            consumer = 0
        } else if var workflow {
            for i in workflow.steps.indices where workflow.steps[i].testCase.id == caseID {
                workflow.steps[i] = sending
            }
            let outcome = await RunExecutor.runWorkflow(workflow, index: index, run: run, transport: transport)
            records = outcome.records
            consumer = outcome.records.lastIndex { $0.caseID == caseID }
            links = "workflow \(workflow.name) re-run; this step re-sent as stored, identifiers from earlier steps"
        } else {
            let outcome = await RunExecutor.runCase(sending, index: index, run: run, transport: transport)
            records = outcome.records
            consumer = outcome.consumerIndex
            if let consumer, consumer > 0 {
                let producers = records[..<consumer].map(\.operation.id)
                links = "linked path parameters from a fresh \(producers.joined(separator: ", ")) request"
            }
        }
        guard let consumer, consumer < records.count else {
            return result(.notReproducible, "the workflow stopped before this step", stored, links: links)
        }
        let record = records[consumer]
        switch record.outcome {
        case .transportError(let kind, let message):
            if finding.check == "transport" {
                return result(.stillFailing, "\(kind): \(message)", record.request, links: links)
            }
            return result(.notReproducible, "\(kind): \(message)", record.request, links: links)
        case .response(let response):
            if finding.check == "transport" {
                return response.bodyTruncated
                    ? result(
                        .stillFailing, "response body cut again", record.request, status: response.status, links: links)
                    : result(
                        .fixed, "a whole response came (HTTP \(response.status))", record.request,
                        status: response.status, links: links)
            }
            let verdict = probe.evaluate(record)
            var others: [String] = []
            for checked in verdict.results {
                for violation in checked.violations {
                    if checked.check == finding.check
                        && Fingerprint.of([finding.operationID, checked.check, violation.fingerprintDetail])
                            == finding.fingerprint
                    {
                        return result(
                            .stillFailing, violation.message, record.request, status: response.status, links: links)
                    }
                    others.append(checked.check + ": " + violation.message)
                }
            }
            var detail = "HTTP \(response.status): \(finding.check) no longer finds it"
            if !others.isEmpty { detail += "; other findings now: " + others.prefix(3).joined(separator: "; ") }
            return result(.fixed, detail, record.request, status: response.status, links: links)
        }
    }

    /// A case for a finding whose case the suite no longer generates: valid unless it names a mutation.
    static func fallback(_ finding: Finding, operation: SpecGateCore.Operation, run: PreparedRun) -> PlannedCase {
        let testCase = TestCase(
            id: finding.caseID, operationID: operation.id, kind: finding.mutation == nil ? .valid : .invalid,
            mutation: finding.mutation, target: nil, summary: "replayed " + finding.caseID,
            expected: finding.mutation == nil ? .success : .rejected(statuses: [400, 401, 403, 404, 415, 422]),
            request: PreparedRequest(method: operation.method, pathAndQuery: operation.path))
        return PlannedCase(operation: operation, testCase: testCase, fixedParameters: run.fixedParameters)
    }

    /// The request as reports show it (masked).
    static func summary(_ request: PreparedRequest, run: PreparedRun, transport: RunTransport) -> RequestSummary {
        let masker = run.masker
        let url = transport.url(for: request)
        return RequestSummary(
            method: request.method.wireName, url: masker.mask(url),
            headers: request.headers.map {
                HeaderField(name: $0.name, value: masker.maskHeader(name: $0.name, value: $0.value))
            },
            bodyExcerpt: request.body.map { masker.mask(String(decoding: $0.prefix(2048), as: UTF8.self)) },
            curl: CurlCommand.render(
                method: request.method, url: url, headers: request.headers, body: request.body, masker: masker))
    }
}
