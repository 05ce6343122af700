import Foundation
import SpecGateCore
import SpecGateHTTP

/// execute → compare: sends every case of a prepared run to two targets and compares the answers.
///
/// Both targets get the same cases in the same order; a case's pair of exchanges is sent concurrently
/// (one to A, one to B), at most `concurrency` cases at once. Each target gets its own producer
/// requests for linked path parameters (identifiers differ per target; only the consumer's answer is
/// compared) and its own clean-ups. Workflows run on both targets and are compared step by step. The
/// report lists cases in sending order whatever order they finish in.
public enum CompareExecutor {
    public static func execute(_ run: PreparedRun, baseURLA: String, baseURLB: String) async throws(RunError)
        -> ComparisonReport
    {
        let options = run.options
        for url in [baseURLA, baseURLB] where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw RunError("base URL \(url) must start with http:// or https://")
        }
        // Each target gets its own run-time credentials (a login by operation or path logs in there).
        let transportA = try await RunTransport.make(for: run, baseURL: baseURLA)
        let transportB: RunTransport
        do {
            transportB = try await RunTransport.make(for: run, baseURL: baseURLB)
        } catch {
            await transportA.shutdown()
            throw error
        }
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        var comparator = Comparator(checks: run.checks, schemas: run.schemas, masker: run.masker)
        comparator.disabledChecks = run.disabledChecks
        comparator.responseEnums = ResponseEnums(spec: run.target.spec, operations: run.target.spec.operations)

        let limit = max(1, options.concurrency)
        // Cases are made as jobs are launched (as `run` does), at most `limit` at a time; results are
        // kept by launch index so the report lists them in sending order.
        let jobs = JobFeed(run)
        var results: [Int: PairOutcome] = [:]
        let loop = await BoundedJobs.run(
            limit: limit,
            next: { _ in jobs.next() },
            work: { job, index in
                switch job {
                case .single(let planned):
                    async let a = RunExecutor.runCase(planned, index: index, run: run, transport: transportA)
                    async let b = RunExecutor.runCase(planned, index: index, run: run, transport: transportB)
                    return (index, PairOutcome(a: await a, b: await b))
                case .workflow(let workflow):
                    async let a = RunExecutor.runWorkflow(workflow, index: index, run: run, transport: transportA)
                    async let b = RunExecutor.runWorkflow(workflow, index: index, run: run, transport: transportB)
                    return (index, PairOutcome(a: await a, b: await b, workflow: workflow))
                }
            },
            fold: { (index: Int, outcome: PairOutcome) in results[index] = outcome })
        let complete = jobs.exhausted && loop.folded == loop.launched
        await transportA.shutdown()
        await transportB.shutdown()

        var operations: [String: OperationComparison] = [:]
        var order: [String] = []
        func note(_ operation: SpecGateCore.Operation) {
            if operations[operation.id] == nil {
                operations[operation.id] = OperationComparison(operationID: operation.id, name: operation.displayName)
                order.append(operation.id)
            }
        }
        for operation in run.operations { note(operation) }
        var differing: [CaseComparison] = []
        var compared = 0
        var tallyA = RunExecutor.JobTally()
        var tallyB = RunExecutor.JobTally()
        var requests = (a: 0, b: 0)
        var errors = (a: 0, b: 0)
        for outcome in results.sorted(by: { $0.key < $1.key }).map(\.value) {
            tallyA.add(outcome.a)
            tallyB.add(outcome.b)
            requests.a += outcome.a.records.count
            requests.b += outcome.b.records.count
            errors.a += outcome.a.records.filter(\.isTransportError).count
            errors.b += outcome.b.records.filter(\.isTransportError).count
            for (a, b) in outcome.pairs {
                guard let comparison = comparator.compare(a, b), let operation = (a ?? b)?.operation else { continue }
                note(operation)
                compared += 1
                operations[operation.id]?.cases += 1
                for kind in comparison.kinds { operations[operation.id]?.casesByKind[kind, default: 0] += 1 }
                if !comparison.differences.isEmpty { differing.append(comparison) }
            }
        }
        let elapsed = clock.now - start
        let credentialNotes = (
            a: await transportA.credentialNotes(masker: run.masker),
            b: await transportB.credentialNotes(masker: run.masker)
        )
        let diagnostics =
            jobs.cases.diagnostics + (tallyA.notes + credentialNotes.a).map { Diagnostic(note: $0).side("A") }
            + (tallyB.notes + credentialNotes.b).map { Diagnostic(note: $0).side("B") }
        return ComparisonReport(
            toolVersion: options.toolVersion, suite: run.suiteName, specTitle: run.target.spec.title,
            baseURLA: run.masker.mask(baseURLA), baseURLB: run.masker.mask(baseURLB), seed: options.seed,
            startedAt: ISO8601DateFormatter().string(from: started),
            durationMilliseconds: elapsed.milliseconds,
            checks: run.checks.map(\.name), operations: order.compactMap { operations[$0] }, differing: differing,
            comparedCases: compared, requestsA: requests.a, requestsB: requests.b, transportErrorsA: errors.a,
            transportErrorsB: errors.b, incomplete: !complete, diagnostics: diagnostics)
    }

    /// What one job sent to each target.
    struct PairOutcome: Sendable {
        var a: RunExecutor.JobOutcome
        var b: RunExecutor.JobOutcome
        var workflow: PlannedWorkflow?

        /// The exchanges to compare: a case's own exchange (not its producers), or every workflow step
        /// (nil where one target's workflow stopped before the step).
        var pairs: [(ExchangeRecord?, ExchangeRecord?)] {
            guard workflow != nil else {
                return [(a.consumerIndex.map { a.records[$0] }, b.consumerIndex.map { b.records[$0] })]
            }
            let steps = max(a.records.count, b.records.count)
            return (0..<steps).map { i in
                (a.records.indices.contains(i) ? a.records[i] : nil, b.records.indices.contains(i) ? b.records[i] : nil)
            }
        }
    }
}

extension ExchangeRecord {
    /// The exchange failed below HTTP.
    fileprivate var isTransportError: Bool {
        if case .transportError = outcome { return true }
        return false
    }
}

extension Diagnostic {
    /// The diagnostic of one side of a comparison: its message starts with "A: " or "B: ".
    fileprivate func side(_ name: String) -> Diagnostic {
        var copy = self
        copy.message = name + ": " + message
        return copy
    }
}
