import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// A failing valid case to shrink after the run: the case, and the failure that must persist.
struct ShrinkTarget: Sendable {
    /// Its place in the run (targets are shrunk in this order, so the outcome does not depend on timing).
    var index: Int
    var planned: PlannedCase
    /// The case's exchange as sent (the repro when nothing smaller fails the same way).
    var record: ExchangeRecord
    /// `not_a_server_error` or `positive_data_acceptance`.
    var check: String
    var status: Int
    /// The finding the failure is recorded under.
    var fingerprint: String

    /// The checks whose failures a valid case is shrunk for: a 5xx, or a rejection where acceptance was due.
    static let checks = ["not_a_server_error", "positive_data_acceptance"]

    /// The target a job's case gives, when its own exchange failed one of ``checks``.
    static func of(_ planned: PlannedCase, index: Int, outcome: RunExecutor.JobOutcome) -> ShrinkTarget? {
        guard planned.testCase.kind == .valid, let i = outcome.consumerIndex, outcome.verdicts.indices.contains(i)
        else { return nil }
        let verdict = outcome.verdicts[i]
        guard case .response(let response) = verdict.exchange.outcome else { return nil }
        for check in checks {
            guard let result = verdict.results.first(where: { $0.check == check }),
                let violation = result.violations.first
            else { continue }
            return ShrinkTarget(
                index: index, planned: planned, record: verdict.exchange, check: check, status: response.status,
                fingerprint: Fingerprint.of([planned.operation.id, check, violation.fingerprintDetail]))
        }
        return nil
    }
}

/// Minimal repro: re-sends smaller variants of failing valid cases (``Shrinker`` proposes them) while the
/// same check keeps failing with a status of the same class, within `--shrink-budget` re-sends per finding
/// (ten times that per run). One case per finding, in case order; deterministic for a deterministic server.
/// Each re-send goes through ``RunExecutor/runCase`` (fresh producers for linked path parameters, their
/// clean-up); a re-send that creates a resource (2xx on a producer) is cleaned up like a link's resource.
/// Re-sends are not judged otherwise. Invalid cases are never shrunk.
enum Shrinking {
    struct Result: Sendable {
        var fingerprint: String
        var record: ExchangeRecord
        var status: Int
        var resends: Int
        var changes: [String]
    }

    static func shrink(
        _ targets: [ShrinkTarget], run: PreparedRun, transport: RunTransport, shared: SharedResources, judge: Judge
    ) async -> (results: [Result], outcome: RunExecutor.JobOutcome) {
        var outcome = RunExecutor.JobOutcome()
        var results: [Result] = []
        let budget = run.options.shrinkBudget
        var left = budget * 10
        var done: Set<String> = []
        for target in targets.sorted(by: { $0.index < $1.index }) where !Task.isCancelled && left > 0 {
            let operation = target.planned.operation
            guard !done.contains(target.fingerprint), !(run.options.safe && !operation.method.isSafe) else { continue }
            done.insert(target.fingerprint)
            var shrinker = Shrinker(
                operation: operation, documents: run.target.spec.documents, dialect: run.target.spec.dialect,
                options: run.generator.options)
            var current = target.planned
            var record = target.record
            var status = target.status
            var resends = 0
            var changes: [String] = []
            var rejected: Set<String> = []
            var tried: Set<PreparedRequest> = [target.planned.testCase.request]
            var progress = true
            while progress, resends < budget, left > 0, !Task.isCancelled {
                progress = false
                for candidate in shrinker.candidates(
                    request: current.testCase.request, body: current.testCase.bodyValue)
                where !rejected.contains(candidate.change) && !tried.contains(candidate.request) {
                    guard resends < budget, left > 0, !Task.isCancelled else { break }
                    tried.insert(candidate.request)
                    var sent = current
                    sent.testCase.request = candidate.request
                    sent.testCase.bodyValue = candidate.body
                    resends += 1
                    left -= 1
                    let again = await RunExecutor.runCase(
                        sent, index: target.index, run: run, transport: transport, shared: shared)
                    outcome.created += again.created
                    outcome.cleaned += again.cleaned
                    guard let i = again.consumerIndex else { continue }
                    let exchange = again.records[i]
                    await cleanUpCreated(
                        by: sent, exchange: exchange, run: run, transport: transport, outcome: &outcome)
                    let verdict = judge.evaluate(exchange)
                    guard case .response(let response) = exchange.outcome, response.status / 100 == target.status / 100,
                        verdict.results.contains(where: { $0.check == target.check && !$0.violations.isEmpty })
                    else {
                        rejected.insert(candidate.change)
                        continue
                    }
                    current = sent
                    record = exchange
                    status = response.status
                    changes.append(candidate.change)
                    progress = true
                    break
                }
            }
            results.append(
                Result(
                    fingerprint: target.fingerprint, record: record, status: status, resends: resends, changes: changes)
            )
            outcome.notes.append(
                "shrinking: \(operation.id) (\(target.check)) shrunk with \(resends) re-send\(resends == 1 ? "" : "s"), \(changes.count) change\(changes.count == 1 ? "" : "s") kept"
            )
        }
        if left <= 0 {
            outcome.notes.append(
                "shrinking: the run's cap of \(budget * 10) re-sends was reached; later failures were not shrunk")
        }
        return (results, outcome)
    }

    /// A re-send that created a resource (2xx on an operation links take identifiers from) is removed the
    /// way the run removes a link's resources.
    static func cleanUpCreated(
        by planned: PlannedCase, exchange: ExchangeRecord, run: PreparedRun, transport: RunTransport,
        outcome: inout RunExecutor.JobOutcome
    ) async {
        guard case .response(let response) = exchange.outcome, (200...299).contains(response.status) else { return }
        let source = SharedResources.Source(producer: planned, response: response)
        var created: [CreatedResource] = []
        for binding in run.links where binding.producer == planned.operation.id {
            guard !created.contains(where: { $0.parameter == binding.parameter }), let value = source.value(of: binding)
            else { continue }
            created.append(CreatedResource(parameter: binding.parameter, producer: binding.producer, value: value))
        }
        await RunExecutor.cleanUp(created, run: run, transport: transport, index: 0, outcome: &outcome)
    }
}
