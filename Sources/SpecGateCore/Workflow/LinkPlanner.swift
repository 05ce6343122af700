import SpecGateJSON

/// Decides which path parameters of which operations take real identifiers from a producer's response.
///
/// Sources, strongest first: links written in the suite, OpenAPI `links` on 2xx responses, and
/// inference by name: a path parameter `bookingUid` of `/v2/bookings/{bookingUid}/…` is taken from a
/// POST on the collection path `/v2/bookings` whose 2xx response schema has `data.uid` (or `uid`;
/// for `…Id` parameters `id`; or the parameter's own name). Parameters fixed by the suite are never
/// linked, nor are an operation's parameters linked to itself.
public struct LinkPlanner: Sendable {
    public let spec: APISpec
    /// Suite links, in suite order.
    public let suiteLinks: [SuiteLink]
    /// Parameter names (or `operationId.name`) the suite fixes.
    public let fixedParameters: [String: JSONValue]

    public init(spec: APISpec, suiteLinks: [SuiteLink] = [], fixedParameters: [String: JSONValue] = [:]) {
        self.spec = spec
        self.suiteLinks = suiteLinks
        self.fixedParameters = fixedParameters
    }

    /// One binding per (consumer, parameter) for the consumers given, strongest source first.
    public func bindings(for consumers: [Operation]) -> [LinkBinding] {
        var candidates: [LinkBinding] = []
        candidates += fromSuite(consumers)
        candidates += fromOpenAPI(consumers)
        candidates += inferred(consumers)
        var chosen: [LinkBinding] = []
        for consumer in consumers {
            for parameter in consumer.parameters(in: .path) where !isFixed(parameter.name, of: consumer) {
                let best = candidates.filter {
                    $0.consumer == consumer.id && $0.parameter == parameter.name && $0.producer != consumer.id
                }
                .min { $0.origin < $1.origin }
                if let best { chosen.append(best) }
            }
        }
        return chosen
    }

    private func isFixed(_ name: String, of operation: Operation) -> Bool {
        fixedParameters[name] != nil || fixedParameters[operation.id + "." + name] != nil
            || operation.operationId.map { fixedParameters[$0 + "." + name] != nil } == true
    }

    private func fromSuite(_ consumers: [Operation]) -> [LinkBinding] {
        var out: [LinkBinding] = []
        for link in suiteLinks {
            guard let producer = spec.operation(id: link.from) else { continue }
            for capture in link.captures {
                for consumer in consumers
                where consumer.parameters(in: .path).contains(where: { $0.name == capture.parameter }) {
                    if !link.to.isEmpty && !link.to.contains(where: { $0 == consumer.id || $0 == consumer.operationId })
                    {
                        continue
                    }
                    out.append(
                        LinkBinding(
                            consumer: consumer.id, parameter: capture.parameter, producer: producer.id,
                            expression: capture.expression, origin: .suite))
                }
            }
        }
        return out
    }

    private func fromOpenAPI(_ consumers: [Operation]) -> [LinkBinding] {
        var out: [LinkBinding] = []
        for producer in spec.operations {
            for response in producer.responses where Self.isSuccess(response.status) {
                for link in response.links {
                    guard
                        let target = link.operationId.flatMap({ id in
                            consumers.first { $0.operationId == id || $0.id == id }
                        })
                    else { continue }
                    for (key, text) in link.parameters.sorted(by: { $0.key < $1.key }) {
                        let name = key.hasPrefix("path.") ? String(key.dropFirst(5)) : key
                        guard target.parameters(in: .path).contains(where: { $0.name == name }),
                            let expression = RuntimeExpression(text)
                        else { continue }
                        out.append(
                            LinkBinding(
                                consumer: target.id, parameter: name, producer: producer.id, expression: expression,
                                origin: .openAPI))
                    }
                }
            }
        }
        return out
    }

    private func inferred(_ consumers: [Operation]) -> [LinkBinding] {
        let context = MutationContext(
            resolver: SchemaResolver(documents: spec.documents), dialect: spec.dialect, options: GenerationOptions())
        var out: [LinkBinding] = []
        for consumer in consumers {
            for parameter in consumer.parameters(in: .path) {
                guard let range = consumer.path.range(of: "/{" + parameter.name + "}") else { continue }
                let collection = String(consumer.path[..<range.lowerBound])
                guard !collection.isEmpty,
                    let producer = spec.operations.first(where: { $0.method == .post && $0.path == collection }),
                    let pointer = Self.identifierPointer(for: parameter.name, in: producer, context: context)
                else { continue }
                out.append(
                    LinkBinding(
                        consumer: consumer.id, parameter: parameter.name, producer: producer.id,
                        expression: .responseBody(pointer), origin: .inferred))
            }
        }
        return out
    }

    static func isSuccess(_ status: StatusPattern) -> Bool {
        switch status {
        case .exact(let code): return (200...299).contains(code)
        case .range(let digit): return digit == 2
        case .default: return false
        }
    }

    /// Where a 2xx JSON response of `producer` carries the identifier a parameter named `name` takes:
    /// `/data/<field>` or `/<field>`, the field being `uid` (for `…Uid`), `id` (for `…Id`) or `name`.
    static func identifierPointer(for name: String, in producer: Operation, context: MutationContext) -> JSONPointer? {
        var fields: [String] = []
        if name.hasSuffix("Uid") || name.hasSuffix("UID") || name.hasSuffix("_uid") { fields.append("uid") }
        if name.hasSuffix("Id") || name.hasSuffix("ID") || name.hasSuffix("_id") { fields.append("id") }
        if name == "id" || name == "uid" { fields.append(name) }
        fields.append(name)
        for response in producer.responses where Self.isSuccess(response.status) {
            guard let schema = response.content.first(where: { $0.isJSON })?.schema else { continue }
            let top = context.properties(of: schema)
            let data = top.first { $0.name == "data" }.map { context.properties(of: $0.schema) } ?? []
            for field in fields {
                if data.contains(where: { $0.name == field }) { return JSONPointer(tokens: ["data", field]) }
                if top.contains(where: { $0.name == field }) { return JSONPointer(tokens: [field]) }
            }
        }
        return nil
    }
}
