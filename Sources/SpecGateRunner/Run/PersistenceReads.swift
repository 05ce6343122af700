import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

extension RunExecutor {
    /// After a valid `POST`/`PUT`/`PATCH` under a fresh resource's item path answered 2xx, reads the resource
    /// back (`resource_persisted`) when the answer names that same resource (at the link's pointer, e.g.
    /// `/data/uid`, or a member named as the path parameter, e.g. `/data/bookingUid`). An answer naming
    /// another resource (Cal.com's reschedule answers the new booking) or none is not compared; an answer
    /// with a terminal status (a cancel) is `use_after_delete`'s. The notes say what was compared.
    static func persistedReads(
        _ consumer: PlannedCase, response: ObservedResponse, created: [CreatedResource], run: PreparedRun, transport: RunTransport,
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
            var request = reader.testCase.request
            var resources: [String] = []
            var identity = PersistedFields.Identity.unknown
            for binding in run.links where binding.consumer == reader.operation.id && binding.producer == producerID {
                guard let value = created.first(where: { $0.producer == producerID && $0.parameter == binding.parameter })?.value,
                    let rewritten = PathRewriter.replacing(binding.parameter, with: value, in: request, operation: reader.operation)
                else { continue }
                request = rewritten
                resources.append("\(binding.parameter)=\(value)")
                if case .unknown = identity {
                    var pointer: JSONPointer?
                    if case .responseBody(let linked) = binding.expression { pointer = linked }
                    identity = PersistedFields.identity(of: answer, linkPointer: pointer, parameter: binding.parameter, value: value)
                }
            }
            guard !resources.isEmpty else { continue }
            switch identity {
            case .same: break
            case .other(let pointer, _):
                outcome.notes.append("resource_persisted: \(changing) answered another resource (\(pointer)), so its answer was not compared with a read")
                continue
            case .unknown:
                outcome.notes.append(
                    "resource_persisted: \(changing) answered no identifier of the resource (the link's pointer or a member named as the path parameter), so its answer was not compared with a read")
                continue
            }
            let sent = consumer.testCase.request
            let exchange = await transport.send(request, index: index)
            var probe = StateProbe(
                kind: .changed(answer: answer), priorRequest: "\(sent.method.rawValue.uppercased()) \(sent.pathAndQuery)",
                priorStatus: response.status, priorCurl: DryRun.curl(sent, baseURL: run.baseURL, masker: run.masker),
                resource: resources.joined(separator: ", "))
            probe.priorOperation = changing
            var label = CaseLabel(caseID: "state/changed/\(consumer.testCase.id)", expectsSuccess: true, identifiersResolved: true)
            label.stateProbe = probe
            var record = ExchangeRecord(
                operation: reader.operation, label: label, url: transport.url(for: request), request: request, outcome: Self.outcome(of: exchange),
                attempts: exchange.attempts)
            record.staleRetries = exchange.staleRetries
            outcome.records.append(record)
            outcome.notes.append(comparedNote(changing: changing, reader: reader.operation, answer: answer, exchange: exchange))
        }
    }

    /// Which fields of the answer a read was compared on, as a run note.
    static func comparedNote(changing: String, reader: SpecGateCore.Operation, answer: JSONValue, exchange: Exchange) -> String {
        let reading = "\(reader.method.rawValue.uppercased()) \(reader.path)"
        guard case .success(let response) = exchange.result, (200...299).contains(response.status),
            let read = try? JSONParser().parse(response.body), let comparisons = PersistedFields.compare(answer: answer, read: read)
        else {
            return "resource_persisted: after \(changing) answered 2xx, \(reading) was read back but gave no JSON resource to compare"
        }
        var fields: [String] = []
        for comparison in comparisons where !fields.contains(comparison.shown) { fields.append(comparison.shown) }
        if fields.isEmpty {
            return "resource_persisted: after \(changing) answered 2xx, \(reading) was read back; no field was held by both, nothing compared"
        }
        return "resource_persisted: after \(changing) answered 2xx, \(reading) was read back and compared on \(fields.joined(separator: ", "))"
    }
}
