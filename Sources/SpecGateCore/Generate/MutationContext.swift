import SpecGateJSON

/// What mutations may consult: schema facts (through `$ref` and `allOf`) and the suite's options.
public struct MutationContext: Sendable {
    public let resolver: SchemaResolver
    public let dialect: SpecSchemaDialect
    public let options: GenerationOptions
    /// The methods the spec declares on the draft operation's path, in spec order.
    public var pathMethods: [HTTPMethod]

    public init(
        resolver: SchemaResolver, dialect: SpecSchemaDialect, options: GenerationOptions, pathMethods: [HTTPMethod] = []
    ) {
        self.resolver = resolver
        self.dialect = dialect
        self.options = options
        self.pathMethods = pathMethods
    }

    /// The schema objects that all apply at `location`: itself, `$ref` targets and `allOf` members
    /// (with `branches`, also every `oneOf`/`anyOf` branch), depth-first in document order.
    public func parts(of location: JSONLocation, branches: Bool = false) -> [(
        location: JSONLocation, object: JSONObject
    )] {
        var out: [(location: JSONLocation, object: JSONObject)] = []
        var pending = [location]
        while let next = pending.popLast(), out.count < 64 {
            guard case .object(let o)? = resolver.value(at: next) else { continue }
            out.append((next, o))
            var children: [JSONLocation] = []
            if case .string(let ref)? = o["$ref"], let target = resolver.target(of: ref, from: next) {
                children.append(target)
            }
            let keywords = branches ? ["allOf", "oneOf", "anyOf"] : ["allOf"]
            for keyword in keywords {
                if case .array(let list)? = o[keyword] {
                    for i in list.indices { children.append(next.appending(keyword).appending(i)) }
                }
            }
            pending.append(contentsOf: children.reversed())
        }
        return out
    }

    /// The first value of a keyword among the parts of a schema.
    public func keyword(_ name: String, in location: JSONLocation) -> JSONValue? {
        parts(of: location).lazy.compactMap { $0.object[name] }.first
    }

    /// The declared type names (first `type` found), empty when untyped.
    public func types(of location: JSONLocation) -> [String] {
        switch keyword("type", in: location) {
        case .string(let t)?: return [t]
        case .array(let list)?: return list.compactMap(\.stringValue)
        default: return []
        }
    }

    /// Object properties and their schemas, first definition winning, including those of
    /// `oneOf`/`anyOf` branches (the engine check drops mutants a branch would accept).
    public func properties(of location: JSONLocation) -> [(name: String, schema: JSONLocation)] {
        var out: [(name: String, schema: JSONLocation)] = []
        for part in parts(of: location, branches: true) {
            guard case .object(let props)? = part.object["properties"] else { continue }
            for (name, _) in props where !out.contains(where: { $0.name == name }) {
                out.append((name, part.location.appending("properties").appending(name)))
            }
        }
        return out
    }

    /// Names listed in `required` of the schema and its `allOf` members.
    public func required(of location: JSONLocation) -> [String] {
        var out: [String] = []
        for part in parts(of: location) {
            guard case .array(let list)? = part.object["required"] else { continue }
            for case .string(let name) in list where !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// True when some part says `additionalProperties: false`.
    public func isClosed(_ location: JSONLocation) -> Bool {
        parts(of: location).contains { $0.object["additionalProperties"] == .bool(false) }
    }

    /// A body mutant: the draft with a new body value, checked to violate the body schema.
    public func bodyMutant(
        _ draft: RequestDraft, value: JSONValue, property: String, summary: String
    ) -> Mutant? {
        guard var body = draft.body, let schema = body.schema else { return nil }
        body.value = value
        var changed = draft
        changed.body = body
        return Mutant(
            draft: changed, target: "/body/" + JSONPointer.escape(property), key: property, summary: summary,
            expected: Mutant.badRequest, check: .mustViolate(value: value, schema: schema))
    }

    /// A parameter mutant: the draft with a new value for parameter `index`, checked to violate its schema.
    public func parameterMutant(_ draft: RequestDraft, index: Int, value: JSONValue, summary: String) -> Mutant {
        var changed = draft
        changed.parameters[index].value = value
        let spec = draft.parameters[index].spec
        let check: Mutant.Check = spec.schema.map { .mustViolate(value: value, schema: $0) } ?? .none
        return Mutant(
            draft: changed, target: "/" + spec.location.rawValue + "/" + JSONPointer.escape(spec.name), key: spec.name,
            summary: summary, expected: Mutant.badRequest, check: check)
    }

    /// Each property of the body's object value together with its schema, for property mutations.
    public func bodyProperties(_ draft: RequestDraft) -> [(name: String, schema: JSONLocation, object: JSONObject)] {
        guard let body = draft.body, let schema = body.schema, case .object(let object)? = body.value else { return [] }
        return properties(of: schema).map { ($0.name, $0.schema, object) }
    }
}

extension MutationContext {
    /// True when the request must carry a credential: the operation's security requires one, or the
    /// spec declares the credential header as a required parameter.
    public func requiresCredential(_ draft: RequestDraft) -> Bool {
        draft.operation.requiresAuth || draft.parameters.contains { $0.isCredential && $0.spec.required }
    }

    /// The draft with its credential header value replaced (nil removes it); nil when the draft has no credential.
    public func replacingCredential(in draft: RequestDraft, with value: String?) -> RequestDraft? {
        var changed = draft
        if let i = changed.parameters.firstIndex(where: { $0.isCredential && $0.value != nil }) {
            changed.parameters[i].value = value.map(JSONValue.string)
            return changed
        }
        if let i = changed.extraHeaders.firstIndex(where: { $0.isCredential }) {
            if let value {
                changed.extraHeaders[i].value = value
            } else {
                changed.extraHeaders.remove(at: i)
            }
            return changed
        }
        return nil
    }

    /// "/header/<name>" for the credential header.
    public var credentialTarget: String {
        "/header/" + JSONPointer.escape(options.credential?.header ?? "Authorization")
    }
}
