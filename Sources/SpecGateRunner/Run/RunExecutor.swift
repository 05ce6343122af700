import Foundation
import SpecGateCore
import SpecGateHTTP

/// execute → check: sends every case (at most `concurrency` at once), judges each response as it arrives,
/// and returns the report. Cancellation (SIGINT) stops launching new requests; the report then holds what
/// finished and is marked incomplete.
public enum RunExecutor {
    public static func execute(
        _ run: PreparedRun, progress: (@Sendable (RunProgress) -> Void)? = nil
    ) async throws(RunError) -> RunReport {
        let options = run.options
        let transport: HTTPTransport
        do {
            var transportOptions = TransportOptions(baseURL: run.baseURL)
            transportOptions.concurrency = max(1, options.concurrency)
            transportOptions.timeout = .milliseconds(Int64(options.timeoutSeconds * 1000))
            transportOptions.rateLimit = options.rateLimit
            transportOptions.maxRetries = options.retries
            transportOptions.maxResponseBytes = options.maxResponseBytes
            transportOptions.caCertificatePath = options.caCertificatePath
            transport = try HTTPTransport(options: transportOptions)
        } catch {
            throw RunError("cannot set up HTTP: \(error)")
        }
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        var judge = Judge(checks: run.checks, schemas: run.schemas, masker: run.masker)
        for operation in run.operations { judge.register(operation) }

        let cases = run.cases
        let limit = max(1, options.concurrency)
        var done = 0
        await withTaskGroup(of: (Int, Exchange).self) { group in
            var next = 0
            func launch() {
                let index = next
                let request = cases[index].testCase.request
                next += 1
                group.addTask { (index, await transport.send(request, index: index)) }
            }
            while next < cases.count && next < limit && !Task.isCancelled { launch() }
            while let (index, exchange) = await group.next() {
                let (operation, testCase) = cases[index]
                judge.record(
                    record(
                        operation: operation, testCase: testCase, exchange: exchange,
                        url: transport.url(for: testCase.request), run: run))
                done += 1
                if let progress {
                    let elapsed = clock.now - start
                    progress(
                        RunProgress(
                            done: done, total: cases.count, failures: judge.failureCount, errors: judge.transportErrors,
                            elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
                }
                if next < cases.count && !Task.isCancelled { launch() }
            }
        }
        await transport.shutdown()
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return judge.report(
            toolVersion: options.toolVersion, suite: run.suiteName, specTitle: run.target.spec.title,
            baseURL: run.baseURL, seed: options.seed, startedAt: ISO8601DateFormatter().string(from: started),
            durationMilliseconds: milliseconds, incomplete: done < cases.count, notes: run.notes)
    }

    static func record(
        operation: SpecGateCore.Operation, testCase: TestCase, exchange: Exchange, url: String, run: PreparedRun
    ) -> ExchangeRecord {
        let outcome: ExchangeRecord.Outcome
        switch exchange.result {
        case .success(let response):
            let elapsed = response.elapsed.components
            outcome = .response(
                ObservedResponse(
                    status: response.status,
                    headers: response.headers.map { HeaderField(name: $0.name, value: $0.value) },
                    body: response.body, bodyTruncated: response.bodyTruncated,
                    elapsedMilliseconds: Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15))
        case .failure(let error):
            outcome = .transportError(kind: "\(error.kind)", message: error.message)
        }
        let expectedStatuses: [Int]
        switch testCase.expected {
        case .success: expectedStatuses = []
        case .rejected(let statuses): expectedStatuses = statuses
        }
        let generatedPath = operation.parameters(in: .path).contains { !run.fixedParameters.contains($0.name) }
        return ExchangeRecord(
            operation: operation, caseID: testCase.id, expectsSuccess: testCase.kind == .valid,
            mutation: testCase.mutation, expectedStatuses: expectedStatuses,
            isAuthMutation: testCase.kind == .invalid && expectedStatuses == [401],
            pathParametersGenerated: generatedPath, url: url,
            request: testCase.request, outcome: outcome, attempts: exchange.attempts)
    }
}
