import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

extension RunExecutor {
    /// After a valid `POST`/`PUT`/`PATCH` under a fresh resource's item path answered 2xx, reads the resource
    /// back (`resource_persisted`) when the answer names that same resource (at the link's pointer, e.g.
    /// `/data/uid`, or a member named as the path parameter, e.g. `/data/bookingUid`). An answer naming
    /// another resource (Cal.com's reschedule answers the new booking) or none is not compared; an answer
    /// with a terminal status (a cancel) is `use_after_delete`'s. The notes say what was compared.
    /// How long `resource_persisted` waits before repeating a read that disagreed with the answer.
    static let rereadDelayMilliseconds = 500

    /// True when a 2xx JSON read disagrees with the answer on some field both hold.
    static func disagrees(answer: JSONValue, exchange: Exchange) -> Bool {
        guard case .success(let response) = exchange.result, (200...299).contains(response.status),
            let read = try? JSONParser().parse(response.body),
            let comparisons = PersistedFields.compare(answer: answer, read: read)
        else { return false }
        return comparisons.contains { !$0.agrees }
    }

    static func persistedReads(
        _ consumer: PlannedCase, response: ObservedResponse, created: [CreatedResource], run: PreparedRun,
        transport: RunTransport,
        index: Int, outcome: inout JobOutcome
    ) async {
        let operation = consumer.operation
        guard [.post, .put, .patch].contains(operation.method), terminalStatus(in: response) == nil,
            let answer = try? JSONParser().parse(response.body)
        else { return }
        let changing = "\(operation.method.rawValue.uppercased()) \(operation.path)"
        var producers: [String] = []
        for resource in created where !producers.contains(resource.producer) { producers.append(resource.producer) }
        for producerID in producers {
            guard let reader = run.stateReads[producerID],
                operation.path == reader.operation.path || operation.path.hasPrefix(reader.operation.path + "/")
            else { continue }
            let read = stateRead(of: producerID, reader: reader, run: run) { binding in
                created.first { $0.producer == producerID && $0.parameter == binding.parameter }?.value
            }
            var identity = PersistedFields.Identity.unknown
            if let first = read.linked.first {
                var pointer: JSONPointer?
                if case .responseBody(let linked) = first.binding.expression { pointer = linked }
                identity = PersistedFields.identity(
                    of: answer, linkPointer: pointer, parameter: first.binding.parameter, value: first.value)
            }
            guard !read.resources.isEmpty else { continue }
            switch identity {
            case .same: break
            case .other(let pointer, _):
                outcome.notes.append(
                    "resource_persisted: \(changing) answered another resource (\(pointer)), so its answer was not compared with a read"
                )
                continue
            case .unknown:
                outcome.notes.append(
                    "resource_persisted: \(changing) answered no identifier of the resource (the link's pointer or a member named as the path parameter), so its answer was not compared with a read"
                )
                continue
            }
            let changed = consumer.testCase.request
            var probe = StateProbe(
                kind: .changed(answer: answer),
                priorRequest: "\(changed.method.rawValue.uppercased()) \(changed.pathAndQuery)",
                priorStatus: response.status, priorCurl: DryRun.curl(changed, baseURL: run.baseURL, masker: run.masker),
                resource: read.resources.joined(separator: ", "))
            probe.priorOperation = changing
            var sent = await sendStateRead(
                read.request, reader: reader, probe: probe, caseID: "state/changed/\(consumer.testCase.id)",
                transport: transport, index: index)
            // A read that disagrees is repeated once a moment later: a replica that has not caught up yet is not a defect.
            if disagrees(answer: answer, exchange: sent.exchange), !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(rereadDelayMilliseconds))
                probe.rereadAfterMilliseconds = rereadDelayMilliseconds
                sent = await sendStateRead(
                    read.request, reader: reader, probe: probe, caseID: "state/changed/\(consumer.testCase.id)",
                    transport: transport, index: index)
            }
            outcome.records.append(sent.record)
            outcome.compared.add(changing: changing, reader: reader.operation, answer: answer, exchange: sent.exchange)
        }
    }
}

/// Which fields `resource_persisted` compared, per state-changing operation: merged over the run's jobs and
/// noted once per operation (fields sorted), so the notes do not depend on the order the jobs finished in.
struct PersistedNotes: Sendable {
    /// By the changing operation ("POST /v2/bookings/{bookingUid}/decline").
    private var byOperation: [String: (reader: String, fields: Set<String>, reads: Int, unusable: Int)] = [:]

    mutating func add(changing: String, reader: SpecGateCore.Operation, answer: JSONValue, exchange: Exchange) {
        var entry = byOperation[changing] ?? ("\(reader.method.rawValue.uppercased()) \(reader.path)", [], 0, 0)
        entry.reads += 1
        if case .success(let response) = exchange.result, (200...299).contains(response.status),
            let read = try? JSONParser().parse(response.body),
            let comparisons = PersistedFields.compare(answer: answer, read: read)
        {
            entry.fields.formUnion(comparisons.map(\.shown))
        } else {
            entry.unusable += 1
        }
        byOperation[changing] = entry
    }

    mutating func merge(_ other: PersistedNotes) {
        for (changing, entry) in other.byOperation {
            var mine = byOperation[changing] ?? (entry.reader, [], 0, 0)
            mine.fields.formUnion(entry.fields)
            mine.reads += entry.reads
            mine.unusable += entry.unusable
            byOperation[changing] = mine
        }
    }

    var notes: [String] {
        byOperation.keys.sorted().compactMap { changing in
            guard let entry = byOperation[changing] else { return nil }
            let times = entry.reads == 1 ? "once" : "\(entry.reads) times"
            var note =
                "resource_persisted: after \(changing) answered 2xx, \(entry.reader) read the resource back (\(times)) and compared "
            note +=
                entry.fields.isEmpty
                ? "no field (none held by both)" : "on " + entry.fields.sorted().joined(separator: ", ")
            if entry.unusable > 0 {
                note += "; \(entry.unusable) read\(entry.unusable == 1 ? "" : "s") gave no 2xx JSON resource to compare"
            }
            return note
        }
    }
}
