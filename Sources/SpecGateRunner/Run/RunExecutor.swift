import Foundation
import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// execute → check: sends every case (at most `concurrency` jobs at once), judges each response as it
/// arrives, and returns the report. Cancellation (SIGINT) stops launching new jobs; the report then
/// holds what finished and is marked incomplete.
///
/// A job is one case, or one workflow. A case whose operation consumes linked path parameters first
/// sends a fresh producer request (judged like a valid case), captures the identifier from its 2xx
/// response, sends the case with it, then cleans the resource up where the spec offers a way. When
/// the producer fails the case keeps its generated value and the report notes it.
public enum RunExecutor {
    public static func execute(
        _ run: PreparedRun, progress: (@Sendable (RunProgress) -> Void)? = nil
    ) async throws(RunError) -> RunReport {
        let options = run.options
        // Credentials obtained at run time (the owner's, identities'): each fetched once now (a failure stops
        // the run), then on expiry or 401.
        let transport = try await RunTransport.make(for: run, baseURL: run.baseURL)
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        var judge = Judge(checks: run.checks, schemas: run.schemas, masker: run.masker)
        judge.disabledChecks = run.disabledChecks
        judge.responseEnums = ResponseEnums(spec: run.target.spec, operations: run.judgedOperations)
        judge.minimumCoveragePercent = options.minimumCoveragePercent
        for operation in run.operations { judge.register(operation) }
        // Runs the checks in the jobs' tasks, and judges re-sent cases (`--rerun-failures`), recording nothing.
        let probe = judge

        let limit = max(1, options.concurrency)
        let steps = run.workflowSteps
        // Cases are made as jobs are launched: at most `limit` are held at any time.
        let jobs = JobFeed(run)
        var casesInFlight = 0
        var done = 0
        var tally = JobTally()
        var shrinkTargets: [ShrinkTarget] = []
        // Read-only cases share one resource per producer, created first and removed last.
        let (shared, created) = await SharedResources.create(for: run, transport: transport)
        var sharedOutcome = created
        for verdict in sharedOutcome.records.map(probe.evaluate) { judge.record(verdict, flaky: false) }
        // resource_available: each shared resource is read back right after its creation.
        if run.checks.contains(where: { $0.name == "resource_available" }), !Task.isCancelled {
            var stateJudge = Judge(checks: [ResourceAvailable()], schemas: run.schemas, masker: run.masker)
            stateJudge.disabledChecks = run.disabledChecks
            let reads = await createdReads(run: run, shared: shared, transport: transport)
            for verdict in reads.records.map(stateJudge.evaluate) { judge.record(verdict, flaky: false) }
            tally.add(reads)
        }
        let loop = await BoundedJobs.run(
            limit: limit,
            next: { _ in
                let job = jobs.next()
                if case .single = job { casesInFlight += 1 }
                return job
            },
            // Made once: each task retains this closure, not a copy of the run and the judge.
            work: { job, index in
                await perform(job, index: index, run: run, probe: probe, transport: transport, shared: shared)
            },
            fold: { outcome in
                for (i, verdict) in outcome.verdicts.enumerated() {
                    judge.record(verdict, flaky: outcome.flaky && i == outcome.consumerIndex)
                }
                tally.add(outcome)
                jobs.observe(outcome.verdicts)
                if let target = outcome.shrinkTarget, !outcome.flaky { shrinkTargets.append(target) }
                if outcome.isCase { casesInFlight -= 1 }
                done += outcome.plannedDone
                if let progress {
                    let elapsed = clock.now - start
                    progress(
                        RunProgress(
                            done: done, total: jobs.progressTotal(steps: steps, done: done),
                            failures: judge.failureCount,
                            errors: judge.transportErrors, elapsedSeconds: elapsed.seconds,
                            casesMade: jobs.casesMade, casesInFlight: casesInFlight, totalIsExact: jobs.totalIsExact))
                }
            })
        let complete = jobs.exhausted && loop.folded == loop.launched
        // Minimal repro: failing valid cases re-sent smaller while they fail the same way (Shrinking.swift).
        if !shrinkTargets.isEmpty, !Task.isCancelled {
            let shrunk = await Shrinking.shrink(
                shrinkTargets, run: run, transport: transport, shared: shared, judge: probe)
            for result in shrunk.results {
                judge.attachMinimalRepro(
                    fingerprint: result.fingerprint, exchange: result.record, status: result.status,
                    resends: result.resends, changes: result.changes)
            }
            tally.add(shrunk.outcome)
        }
        sharedOutcome.records = []
        // cross_user_access: the suite's other identities request the owner's shared resources.
        if !run.identities.isEmpty, run.checks.contains(where: { $0.name == "cross_user_access" }), !Task.isCancelled {
            var crossJudge = Judge(checks: [CrossUserAccess()], schemas: run.schemas, masker: run.masker)
            crossJudge.disabledChecks = run.disabledChecks
            var crossOutcome = await crossUserProbes(run: run, shared: shared, transport: transport)
            let writes = await crossUserWriteProbes(run: run, transport: transport)
            crossOutcome.records += writes.records
            crossOutcome.notes += writes.notes
            crossOutcome.created += writes.created
            crossOutcome.cleaned += writes.cleaned
            for verdict in crossOutcome.records.map(crossJudge.evaluate) { judge.record(verdict, flaky: false) }
            tally.add(crossOutcome)
        }
        await cleanUp(shared.created, run: run, transport: transport, index: 0, outcome: &sharedOutcome)
        tally.add(sharedOutcome)
        await transport.shutdown()
        let authNotes = await transport.credentialNotes(masker: run.masker)
        let elapsed = clock.now - start
        let milliseconds = elapsed.milliseconds
        var report = judge.report(
            toolVersion: options.toolVersion, suite: run.suiteName, specTitle: run.target.spec.title,
            baseURL: run.baseURL, seed: options.seed, startedAt: ISO8601DateFormatter().string(from: started),
            durationMilliseconds: milliseconds, incomplete: !complete,
            diagnostics: jobs.cases.diagnostics
                + ((jobs.budget?.notes ?? []) + tally.notes + authNotes).map(Diagnostic.init(note:)))
        report.suitePath = options.path
        report.shard = options.shard
        return report
    }

    /// One job in its own task: a case (with producers, clean-ups and `--rerun-failures` re-sends) or a
    /// workflow, judged here, in parallel; the judge only folds the verdicts in.
    static func perform(
        _ job: JobFeed.Job, index: Int, run: PreparedRun, probe: Judge, transport: RunTransport, shared: SharedResources
    ) async -> JobOutcome {
        switch job {
        case .workflow(let workflow):
            var outcome = await runWorkflow(workflow, index: index, run: run, transport: transport)
            outcome.verdicts = outcome.records.map(probe.evaluate)
            return outcome
        case .single(let planned):
            var outcome = await runCase(planned, index: index, run: run, transport: transport, shared: shared)
            outcome.isCase = true
            outcome.verdicts = outcome.records.map(probe.evaluate)
            if run.options.shrinkBudget > 0 {
                outcome.shrinkTarget = ShrinkTarget.of(planned, index: index, outcome: outcome)
            }
            guard run.options.rerunFailures > 0, let i = outcome.consumerIndex, outcome.verdicts[i].fails else {
                return outcome
            }
            for _ in 0..<run.options.rerunFailures where !Task.isCancelled {
                let again = await runCase(planned, index: index, run: run, transport: transport, shared: shared)
                outcome.created += again.created
                outcome.cleaned += again.cleaned
                if let j = again.consumerIndex, !probe.fails(again.records[j]) {
                    outcome.flaky = true
                    outcome.notes.append(
                        "rerun: a failing case passed when re-sent; its findings are reported as flaky")
                    break
                }
            }
            return outcome
        }
    }

    /// What one job sent and noticed.
    struct JobOutcome: Sendable {
        var records: [ExchangeRecord] = []
        /// The checks' verdicts on `records`, made in the job's task.
        var verdicts: [ExchangeVerdict] = []
        /// Index in `records` of the case's own exchange (after its producers).
        var consumerIndex: Int?
        /// The case failed, then passed when re-sent (`--rerun-failures`).
        var flaky = false
        /// Notes, aggregated over jobs by text.
        var notes: [String] = []
        /// Resources created through links or workflows, and how many were cleaned up.
        var created = 0
        var cleaned = 0
        /// Planned requests (cases, workflow steps) this job accounts for.
        var plannedDone = 0
        /// The job was a case (not a workflow).
        var isCase = false
        /// Stale-connection re-sends of requests that are not in `records` (clean-ups).
        var staleRetries = 0
        /// The case failed in a way worth shrinking (Shrinking.swift).
        var shrinkTarget: ShrinkTarget?
        /// What `resource_persisted` compared after this job's state changes (PersistenceReads.swift).
        var compared = PersistedNotes()
    }

    /// Notes counted over every job, in first-seen order.
    struct JobTally {
        var counts: [(note: String, count: Int)] = []
        var created = 0
        var cleaned = 0
        /// Requests sent more than once (transport-error retries, `Retry-After`).
        var retried = 0
        /// Requests re-sent on a fresh connection after the server closed a kept-alive one unanswered.
        var staleRetries = 0

        mutating func add(_ outcome: JobOutcome) {
            created += outcome.created
            cleaned += outcome.cleaned
            retried += outcome.records.filter { $0.attempts > 1 }.count
            staleRetries += outcome.staleRetries + outcome.records.reduce(0) { $0 + $1.staleRetries }
            for note in outcome.notes {
                if let i = counts.firstIndex(where: { $0.note == note }) {
                    counts[i].count += 1
                } else {
                    counts.append((note, 1))
                }
            }
            compared.merge(outcome.compared)
        }

        /// `resource_persisted`'s comparisons over the run, noted once per operation whatever the order jobs finished in.
        var compared = PersistedNotes()

        var notes: [String] {
            var out = counts.map { $0.count == 1 ? $0.note : "\($0.note) (×\($0.count))" }
            out += compared.notes
            if created > 0 {
                out.append("clean-up: \(cleaned) of \(created) resources created by the run were removed (best effort)")
            }
            if retried > 0 {
                out.append(
                    "retries: \(retried) requests were re-sent after a transport error or Retry-After (POST and PATCH only when they never reached the server)"
                )
            }
            if staleRetries > 0 {
                out.append(Self.staleNote(staleRetries))
            }
            return out
        }

        /// The run note for requests re-sent under the transport's stale-connection rule.
        static func staleNote(_ count: Int) -> String {
            "stale connections: \(count) request\(count == 1 ? " was" : "s were") re-sent once on a fresh connection because the server had closed the kept-alive connection before answering (not errors: the server never processed them)"
        }
    }

    /// One case, with fresh producer requests for its linked path parameters and clean-up afterwards.
    static func runCase(
        _ planned: PlannedCase, index: Int, run: PreparedRun, transport: RunTransport,
        shared: SharedResources = SharedResources()
    ) async -> JobOutcome {
        var outcome = JobOutcome(plannedDone: 1)
        let operation = planned.operation
        // A method probe keeps its generated path parameters: no real resource meets an undeclared method.
        let probe = planned.testCase.mutation == UnsupportedMethod.mutationName
        let bindings = run.links.filter {
            !probe && $0.consumer == operation.id && planned.testCase.target != "/path/" + $0.parameter
                && !planned.fixedParameters.contains($0.parameter)
        }
        var request = planned.testCase.request
        var linked: Set<String> = []
        var created: [CreatedResource] = []
        var producerOrder: [String] = []
        for binding in bindings where !producerOrder.contains(binding.producer) {
            producerOrder.append(binding.producer)
        }
        for producerID in producerOrder {
            let group = bindings.filter { $0.producer == producerID }
            let names = group.map(\.parameter).joined(separator: ", ")
            let source: SharedResources.Source
            let fresh: Bool
            if operation.method.isSafe, let sharedSource = shared.sources[producerID] {
                source = sharedSource
                fresh = false
            } else {
                guard var producer = run.producers[producerID] else {
                    outcome.notes.append(
                        "links: \(producerID) has no valid request; a consumer case used a generated \(names)")
                    continue
                }
                producer.testCase.id += "@" + planned.testCase.id
                let produced = await produce(producer, index: index, transport: transport)
                outcome.records.append(produced.record)
                guard let created = produced.source else {
                    outcome.notes.append(
                        "links: the producer \(producerID) \(produced.failure); a consumer case used a generated \(names)"
                    )
                    continue
                }
                source = created
                fresh = true
            }
            for binding in group {
                guard let text = source.value(of: binding) else {
                    outcome.notes.append(
                        "links: \(binding.expression) found nothing in the response of \(producerID); \(operation.id) used a generated \(binding.parameter)"
                    )
                    continue
                }
                if fresh {
                    created.append(CreatedResource(parameter: binding.parameter, producer: producerID, value: text))
                }
                guard
                    let rewritten = PathRewriter.replacing(
                        binding.parameter, with: text, in: request, operation: operation)
                else {
                    continue
                }
                request = rewritten
                linked.insert(binding.parameter)
            }
        }
        let pathNames = operation.parameters(in: .path).map(\.name)
        let real = planned.fixedParameters.union(linked)
        var consumer = planned
        consumer.testCase.request = request
        let exchange = await transport.send(request, index: index)
        outcome.consumerIndex = outcome.records.count
        outcome.records.append(
            record(
                consumer, exchange: exchange, transport: transport,
                identifiersResolved: !linked.isEmpty && pathNames.allSatisfy(real.contains),
                generated: !pathNames.allSatisfy(real.contains)))
        if planned.testCase.kind == .valid, !operation.method.isSafe, case .success(let response) = exchange.result,
            (200...299).contains(response.status), !created.isEmpty, !Task.isCancelled
        {
            let observed = observe(response)
            if run.checks.contains(where: { $0.name == "use_after_delete" }) {
                await removedReads(
                    consumer, response: observed, created: created, run: run, transport: transport, index: index,
                    outcome: &outcome)
            }
            if run.checks.contains(where: { $0.name == "resource_persisted" }) {
                await persistedReads(
                    consumer, response: observed, created: created, run: run, transport: transport, index: index,
                    outcome: &outcome)
            }
        }
        await cleanUp(created, run: run, transport: transport, index: index, outcome: &outcome)
        return outcome
    }

    /// Values of a resource's `status` field that end it (a cancelled booking): after a request answers one,
    /// the resource reads back with it, or is gone (`use_after_delete`).
    static let terminalStatuses: Set<String> = ["cancelled", "canceled", "deleted", "removed"]

    /// After a valid state-changing case answered 2xx on fresh resources: when it deleted one (a `DELETE` on
    /// the read operation's item path) or ended it (a request under that path answering a terminal status),
    /// reads the resource right after (`use_after_delete`).
    static func removedReads(
        _ consumer: PlannedCase, response: ObservedResponse, created: [CreatedResource], run: PreparedRun,
        transport: RunTransport,
        index: Int, outcome: inout JobOutcome
    ) async {
        let operation = consumer.operation
        var producers: [String] = []
        for resource in created where !producers.contains(resource.producer) { producers.append(resource.producer) }
        for producerID in producers {
            guard let reader = run.stateReads[producerID] else { continue }
            let terminal: StateAssertion?
            if operation.method == .delete && operation.path == reader.operation.path {
                terminal = nil
            } else if operation.path.hasPrefix(reader.operation.path + "/"), let found = terminalStatus(in: response) {
                terminal = found
            } else {
                continue
            }
            let read = stateRead(of: producerID, reader: reader, run: run) { binding in
                created.first { $0.producer == producerID && $0.parameter == binding.parameter }?.value
            }
            guard !read.resources.isEmpty else { continue }
            let removing = consumer.testCase.request
            let probe = StateProbe(
                kind: .removed(terminal: terminal),
                priorRequest: "\(removing.method.rawValue.uppercased()) \(removing.pathAndQuery)",
                priorStatus: response.status,
                priorCurl: DryRun.curl(removing, baseURL: run.baseURL, masker: run.masker),
                resource: read.resources.joined(separator: ", "))
            let sent = await sendStateRead(
                read.request, reader: reader, probe: probe, caseID: "state/removed/\(consumer.testCase.id)",
                transport: transport, index: index)
            outcome.records.append(sent.record)
            let shown = terminal.map { "404/410 or \($0.pointer) = \(JSONWriter.compact($0.expected))" } ?? "404/410"
            outcome.notes.append(
                "use_after_delete: after \(operation.method.rawValue.uppercased()) \(operation.path) answered 2xx, \(reader.operation.method.rawValue.uppercased()) \(reader.operation.path) read the resource back expecting \(shown)"
            )
        }
    }

    /// A terminal `status` in a 2xx answer (at `/data/status` or `/status`), as the state the read must show.
    static func terminalStatus(in response: ObservedResponse) -> StateAssertion? {
        guard let body = try? JSONParser().parse(response.body) else { return nil }
        for pointer in [JSONPointer(tokens: ["data", "status"]), JSONPointer(tokens: ["status"])] {
            if let value = body.value(at: pointer)?.stringValue, terminalStatuses.contains(value.lowercased()) {
                return StateAssertion(pointer: pointer, expected: .string(value))
            }
        }
        return nil
    }

    /// Each extra identity requests every resource the owner created for the read-only cases, through
    /// each read-only operation that takes it (with the identity's credential in place of the owner's).
    static func crossUserProbes(run: PreparedRun, shared: SharedResources, transport: RunTransport) async -> JobOutcome
    {
        var outcome = JobOutcome()
        let ownerShown = run.masker.mask(run.generator.options.credential?.headerValue ?? "")
        for planned in run.crossUserCases {
            let operation = planned.operation
            var request = planned.testCase.request
            var resources: [String] = []
            var owner = ""
            var complete = true
            for binding in run.links
            where binding.consumer == operation.id && !planned.fixedParameters.contains(binding.parameter) {
                guard let source = shared.sources[binding.producer], let value = source.value(of: binding),
                    let rewritten = PathRewriter.replacing(
                        binding.parameter, with: value, in: request, operation: operation)
                else {
                    complete = false
                    break
                }
                request = rewritten
                resources.append("\(binding.parameter)=\(value)")
                let made = source.producer.testCase.request
                owner = "\(made.method.rawValue.uppercased()) \(made.pathAndQuery)"
            }
            guard complete, !resources.isEmpty else {
                outcome.notes.append("cross_user_access: no resource of the owner for \(operation.id); not probed")
                continue
            }
            for identity in run.identities {
                var sent = request
                let lower = identity.header.lowercased()
                sent.headers.removeAll { $0.name.lowercased() == lower }
                sent.headers.append(HeaderField(name: identity.header, value: identity.headerValue))
                let exchange = await transport.send(sent, index: 0)
                let probe = CrossUserProbe(
                    identity: identity.name, identityCredential: identity.shownAs, ownerCredential: ownerShown,
                    ownerRequest: owner, resource: resources.joined(separator: ", "))
                outcome.records.append(
                    crossUserRecord(
                        probe, identity: identity.name, operation: operation, sent: sent, exchange: exchange,
                        transport: transport))
            }
        }
        return outcome
    }

    /// Each identity sends every state-changing operation that takes a linked resource, on a resource the
    /// owner creates for the purpose; the owner reads it before and after (through a read-only operation
    /// taking the same producer's resource) to prove it did not change. Resources are cleaned up.
    static func crossUserWriteProbes(run: PreparedRun, transport: RunTransport) async -> JobOutcome {
        var outcome = JobOutcome()
        let ownerShown = run.masker.mask(run.generator.options.credential?.headerValue ?? "")
        for planned in run.crossUserWrites where !Task.isCancelled {
            let operation = planned.operation
            // A documented exception (`checks.disable`) is not sent at all: it would change the resource for nothing.
            if run.disabledChecks.contains(where: { $0.disables("cross_user_access", for: operation) }) { continue }
            let bindings = run.links.filter {
                $0.consumer == operation.id && !planned.fixedParameters.contains($0.parameter)
            }
            guard let producerID = bindings.first?.producer, bindings.allSatisfy({ $0.producer == producerID }),
                let producer = run.producers[producerID]
            else { continue }
            // The owner's read of the same resource: a read-only case whose links all come from this producer.
            let reader = run.crossUserCases.first { read in
                let links = run.links.filter {
                    $0.consumer == read.operation.id && !read.fixedParameters.contains($0.parameter)
                }
                return !links.isEmpty && links.allSatisfy { $0.producer == producerID }
            }
            for identity in run.identities {
                var made = producer
                made.testCase.id += "@" + planned.testCase.id + "/" + identity.name
                let produced = await produce(made, index: 0, transport: transport)
                guard let source = produced.source else {
                    outcome.notes.append(
                        "cross_user_access: the producer \(producerID) \(produced.failure); \(operation.id) not probed")
                    continue
                }
                var request = planned.testCase.request
                var readRequest = reader?.testCase.request
                var resources: [String] = []
                var created: [CreatedResource] = []
                for binding in bindings {
                    guard let value = source.value(of: binding),
                        let rewritten = PathRewriter.replacing(
                            binding.parameter, with: value, in: request, operation: operation)
                    else { continue }
                    request = rewritten
                    resources.append("\(binding.parameter)=\(value)")
                    created.append(CreatedResource(parameter: binding.parameter, producer: producerID, value: value))
                    if let reader, let current = readRequest {
                        readRequest = PathRewriter.replacing(
                            binding.parameter, with: value, in: current, operation: reader.operation)
                    }
                }
                guard resources.count == bindings.count else {
                    outcome.notes.append("cross_user_access: no resource of the owner for \(operation.id); not probed")
                    await cleanUp(created, run: run, transport: transport, index: 0, outcome: &outcome)
                    continue
                }
                let before = await ownerRead(readRequest, transport: transport)
                var sent = request
                let lower = identity.header.lowercased()
                sent.headers.removeAll { $0.name.lowercased() == lower }
                sent.headers.append(HeaderField(name: identity.header, value: identity.headerValue))
                let exchange = await transport.send(sent, index: 0)
                let after = await ownerRead(readRequest, transport: transport)
                let made_ = made.testCase.request
                var probe = CrossUserProbe(
                    identity: identity.name, identityCredential: identity.shownAs, ownerCredential: ownerShown,
                    ownerRequest: "\(made_.method.rawValue.uppercased()) \(made_.pathAndQuery)",
                    resource: resources.joined(separator: ", "))
                if let before, let after { probe.changed = before != after }
                outcome.records.append(
                    crossUserRecord(
                        probe, identity: identity.name, operation: operation, sent: sent, exchange: exchange,
                        transport: transport))
                await cleanUp(created, run: run, transport: transport, index: 0, outcome: &outcome)
            }
        }
        return outcome
    }

    /// Reads each shared resource right after its creation, through its producer's read operation
    /// (`resource_available`).
    static func createdReads(run: PreparedRun, shared: SharedResources, transport: RunTransport) async -> JobOutcome {
        var outcome = JobOutcome()
        for producerID in shared.sources.keys.sorted() {
            guard let source = shared.sources[producerID], let reader = run.stateReads[producerID] else { continue }
            let read = stateRead(of: producerID, reader: reader, run: run, value: source.value(of:))
            guard !read.resources.isEmpty else { continue }
            let made = source.producer.testCase.request
            let probe = StateProbe(
                kind: .created, priorRequest: "\(made.method.rawValue.uppercased()) \(made.pathAndQuery)",
                priorStatus: source.response.status,
                priorCurl: DryRun.curl(made, baseURL: run.baseURL, masker: run.masker),
                resource: read.resources.joined(separator: ", "))
            let sent = await sendStateRead(
                read.request, reader: reader, probe: probe, caseID: "state/created/\(reader.operation.id)",
                transport: transport, index: 0)
            outcome.records.append(sent.record)
            outcome.notes.append(
                "resource_available: the resource \(producerID) created was read back right after by \(reader.operation.method.rawValue.uppercased()) \(reader.operation.path)"
            )
        }
        return outcome
    }

    /// The body of a 2xx owner read, or nil.
    private static func ownerRead(_ request: PreparedRequest?, transport: RunTransport) async -> [UInt8]? {
        guard let request else { return nil }
        let exchange = await transport.send(request, index: 0)
        guard case .success(let response) = exchange.result, (200...299).contains(response.status) else { return nil }
        return response.body
    }

    /// Sends a producer request (judged like any valid case): its record, and its request and response when
    /// it answered 2xx, else why not ("answered 500", "timeout").
    static func produce(
        _ producer: PlannedCase, index: Int, transport: RunTransport
    ) async -> (record: ExchangeRecord, source: SharedResources.Source?, failure: String) {
        let exchange = await transport.send(producer.testCase.request, index: index)
        let sent = record(
            producer, exchange: exchange, transport: transport, identifiersResolved: false, generated: true)
        switch exchange.result {
        case .success(let response) where (200...299).contains(response.status):
            return (sent, SharedResources.Source(producer: producer, response: observe(response)), "")
        case .success(let response):
            return (sent, nil, "answered \(response.status)")
        case .failure(let error):
            return (sent, nil, "\(error.kind)")
        }
    }

    /// The steps of a workflow in order; each step's linked path parameters take what earlier steps captured.
    static func runWorkflow(_ workflow: PlannedWorkflow, index: Int, run: PreparedRun, transport: RunTransport) async
        -> JobOutcome
    {
        var outcome = JobOutcome(plannedDone: workflow.steps.count)
        var captured: [String: String] = [:]
        var created: [CreatedResource] = []
        for (number, step) in workflow.steps.enumerated() {
            let operation = step.operation
            var request = step.testCase.request
            var linked: Set<String> = []
            for parameter in operation.parameters(in: .path) where !step.fixedParameters.contains(parameter.name) {
                guard let value = captured[parameter.name],
                    let rewritten = PathRewriter.replacing(
                        parameter.name, with: value, in: request, operation: operation)
                else { continue }
                request = rewritten
                linked.insert(parameter.name)
            }
            var sent = step
            sent.testCase.request = request
            let pathNames = operation.parameters(in: .path).map(\.name)
            let real = step.fixedParameters.union(linked)
            let exchange = await transport.send(request, index: index)
            outcome.records.append(
                record(
                    sent, exchange: exchange, transport: transport,
                    identifiersResolved: !linked.isEmpty && pathNames.allSatisfy(real.contains),
                    generated: !pathNames.allSatisfy(real.contains)))
            guard case .success(let response) = exchange.result, step.testCase.expected.accepts(response.status) else {
                outcome.notes.append(
                    "workflow \(workflow.name): stopped at step \(number + 1) (\(operation.id)), which did not answer \(step.testCase.expected)"
                )
                break
            }
            let observed = observe(response)
            for capture in run.captures where capture.producer == operation.id {
                guard let value = capture.expression.evaluate(requestBody: step.testCase.bodyValue, response: observed),
                    let text = RuntimeExpression.pathText(value)
                else { continue }
                captured[capture.parameter] = text
                created.append(CreatedResource(parameter: capture.parameter, producer: operation.id, value: text))
            }
        }
        await cleanUp(created, run: run, transport: transport, index: index, outcome: &outcome)
        return outcome
    }

    /// Best-effort removal of created resources (not judged; counted in the notes).
    static func cleanUp(
        _ created: [CreatedResource], run: PreparedRun, transport: RunTransport, index: Int,
        outcome: inout JobOutcome
    ) async {
        for resource in created {
            outcome.created += 1
            guard let plan = run.cleanups[resource.producer + "." + resource.parameter],
                let request = PathRewriter.replacing(
                    plan.parameter, with: resource.value, in: plan.request, operation: plan.operation)
            else { continue }
            let exchange = await transport.send(request, index: index)
            outcome.staleRetries += exchange.staleRetries
            if case .success(let response) = exchange.result, (200...299).contains(response.status) {
                outcome.cleaned += 1
            }
        }
    }

    /// The record of an identity's request for the owner's resource, judged by `cross_user_access`.
    static func crossUserRecord(
        _ probe: CrossUserProbe, identity: String, operation: SpecGateCore.Operation, sent: PreparedRequest,
        exchange: Exchange,
        transport: RunTransport
    ) -> ExchangeRecord {
        var label = CaseLabel(
            caseID: "cross-user/\(identity)/\(operation.id)", expectsSuccess: false, mutation: "cross-user \(identity)",
            expectedStatuses: [401, 403, 404], identifiersResolved: true)
        label.crossUser = probe
        var record = ExchangeRecord(
            operation: operation, label: label, url: transport.url(for: sent), request: sent,
            outcome: Self.outcome(of: exchange),
            attempts: exchange.attempts)
        record.staleRetries = exchange.staleRetries
        return record
    }

    /// What an exchange gives the checks: the observed response, or the transport error.
    static func outcome(of exchange: Exchange) -> ExchangeRecord.Outcome {
        switch exchange.result {
        case .success(let response): return .response(observe(response))
        case .failure(let error): return .transportError(kind: "\(error.kind)", message: error.message)
        }
    }

    static func observe(_ response: HTTPResponseRecord) -> ObservedResponse {
        var observed = ObservedResponse(
            status: response.status, headers: response.headers,
            body: response.body, bodyTruncated: response.bodyTruncated,
            elapsedMilliseconds: response.elapsed.milliseconds)
        observed.firstByteMilliseconds = response.timings.firstByte.milliseconds
        observed.connectMilliseconds = response.timings.connect?.milliseconds
        return observed
    }

    static func record(
        _ planned: PlannedCase, exchange: Exchange, transport: RunTransport, identifiersResolved: Bool, generated: Bool
    ) -> ExchangeRecord {
        let testCase = planned.testCase
        let outcome = outcome(of: exchange)
        let expectedStatuses: [Int]
        switch testCase.expected {
        case .success: expectedStatuses = []
        case .rejected(let statuses): expectedStatuses = statuses
        }
        let label = CaseLabel(
            caseID: testCase.id, expectsSuccess: testCase.kind == .valid, mutation: testCase.mutation,
            expectedStatuses: expectedStatuses,
            isAuthMutation: testCase.kind == .invalid && expectedStatuses == [401]
                && testCase.mutation != "expectation",
            pathParametersGenerated: generated, identifiersResolved: identifiersResolved,
            exactStatuses: planned.exactStatuses,
            stateAssertions: planned.stateAssertions)
        var record = ExchangeRecord(
            operation: planned.operation, label: label, url: transport.url(for: testCase.request),
            request: testCase.request,
            outcome: outcome, attempts: exchange.attempts)
        record.staleRetries = exchange.staleRetries
        return record
    }
}
