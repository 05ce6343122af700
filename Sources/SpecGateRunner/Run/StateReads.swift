import SpecGateCore
import SpecGateHTTP

extension RunExecutor {
    /// The read of a producer's resource (`run.stateReads`): the reader's request with each path parameter
    /// linked to that producer set to `value(binding)`, and the values set ("bookingUid=abc"; none: nothing
    /// could be read).
    static func stateRead(
        of producerID: String, reader: PlannedCase, run: PreparedRun, value: (LinkBinding) -> String?
    ) -> (request: PreparedRequest, resources: [String], linked: [(binding: LinkBinding, value: String)]) {
        var request = reader.testCase.request
        var resources: [String] = []
        var linked: [(binding: LinkBinding, value: String)] = []
        for binding in run.links where binding.consumer == reader.operation.id && binding.producer == producerID {
            guard let text = value(binding),
                let rewritten = PathRewriter.replacing(
                    binding.parameter, with: text, in: request, operation: reader.operation)
            else { continue }
            request = rewritten
            resources.append("\(binding.parameter)=\(text)")
            linked.append((binding, text))
        }
        return (request, resources, linked)
    }

    /// Sends a state read and records it, labelled with what the earlier exchange did (judged by the state checks only).
    static func sendStateRead(
        _ request: PreparedRequest, reader: PlannedCase, probe: StateProbe, caseID: String, transport: RunTransport,
        index: Int
    ) async -> (record: ExchangeRecord, exchange: Exchange) {
        let exchange = await transport.send(request, index: index)
        var label = CaseLabel(caseID: caseID, expectsSuccess: true, identifiersResolved: true)
        label.stateProbe = probe
        var record = ExchangeRecord(
            operation: reader.operation, label: label, url: transport.url(for: request), request: request,
            outcome: Self.outcome(of: exchange),
            attempts: exchange.attempts)
        record.staleRetries = exchange.staleRetries
        return (record, exchange)
    }
}
