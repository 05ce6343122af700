import SpecGateCore
import SpecGateHTTP

/// Resources that cases of read-only operations share: one producer request per producer, sent before
/// the cases and removed after them.
///
/// A `GET` of a booking cannot change it, so its cases need not each create one (on a real account every
/// created booking is a real booking). Cases of operations that change state still get a fresh resource
/// each, so that one case's cancel or reassign never decides another case's outcome. When the shared
/// producer request fails, read-only cases fall back to a fresh resource per case.
struct SharedResources: Sendable {
    /// A producer's request and its 2xx response.
    struct Source: Sendable {
        var producer: PlannedCase
        var response: ObservedResponse
    }

    /// By producer operation id.
    private(set) var sources: [String: Source] = [:]
    /// What was created, for the clean-up after the cases.
    private(set) var created: [CreatedResource] = []

    /// Producers that links bind to path parameters of the run's read-only operations.
    static func producers(for run: PreparedRun) -> [String] {
        let readOnly = Set(run.operations.filter { $0.method.isSafe }.map(\.id))
        var producers: [String] = []
        for link in run.links where readOnly.contains(link.consumer) && !producers.contains(link.producer) {
            producers.append(link.producer)
        }
        return producers
    }

    /// Sends one request per shared producer (judged like any producer request) and keeps what each
    /// answered with a 2xx.
    static func create(for run: PreparedRun, transport: RunTransport) async -> (SharedResources, RunExecutor.JobOutcome)
    {
        var shared = SharedResources()
        var outcome = RunExecutor.JobOutcome()
        for producerID in producers(for: run) where !Task.isCancelled {
            guard var producer = run.producers[producerID] else { continue }
            producer.testCase.id += "@shared"
            let produced = await RunExecutor.produce(producer, index: 0, transport: transport)
            outcome.records.append(produced.record)
            guard let source = produced.source else {
                outcome.notes.append(
                    "links: the shared \(producerID) request \(produced.failure); read-only cases created their own resources"
                )
                continue
            }
            shared.sources[producerID] = source
            var parameters: Set<String> = []
            for link in run.links where link.producer == producerID && parameters.insert(link.parameter).inserted {
                if let text = source.value(of: link) {
                    shared.created.append(CreatedResource(parameter: link.parameter, producer: producerID, value: text))
                }
            }
        }
        if !shared.sources.isEmpty {
            outcome.notes.append(
                "links: cases of read-only operations shared one resource per producer (\(shared.sources.keys.sorted().joined(separator: ", "))); other cases created their own"
            )
        }
        return (shared, outcome)
    }
}

extension SharedResources.Source {
    /// The path text `link` takes from this producer's request and response, if any.
    func value(of link: LinkBinding) -> String? {
        link.expression.evaluate(requestBody: producer.testCase.bodyValue, response: response).flatMap(
            RuntimeExpression.pathText)
    }
}
