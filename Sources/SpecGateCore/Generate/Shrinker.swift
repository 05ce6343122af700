import SpecGateJSON

/// Proposes smaller variants of a failing valid request (minimal repro), for the runner to re-send while
/// the same failure persists. Pure and deterministic: the candidates depend only on the request, its body
/// and the spec.
///
/// A candidate changes one thing, and a body candidate is proposed only when the body still validates
/// against the operation's request schema (so a shrunk valid case stays valid; required properties, `anyOf`
/// alternatives and enums are kept by the schema engine, not guessed):
/// 1. everything droppable at once (the body reduced as far as the schema allows, every optional query
///    and header parameter left out);
/// 2. each optional query or header parameter left out;
/// 3. each body property left out (outer ones first), each array emptied or cut by one item;
/// 4. each remaining value made its type's simplest (`0`/the minimum, `""`, `false`, the first enum value,
///    `[]`, `{}`).
///
/// The suite's fixed body values (`values`), fixed headers and credential header are neither dropped nor
/// changed. Path parameters are never changed (they name the resource); query and header values are dropped
/// when optional, not simplified. Invalid cases are not shrunk at all: their mutation must stay in them.
public struct Shrinker {
    public struct Candidate: Sendable, Hashable {
        public var request: PreparedRequest
        /// The body as JSON (nil when the request has none, or it is not JSON).
        public var body: JSONValue?
        /// What changed ("drop /body/metadata", "drop query parameter limit", "simplify /body/start"): stable,
        /// so a change that did not keep the failure is not proposed again.
        public var change: String

        public init(request: PreparedRequest, body: JSONValue?, change: String) {
            self.request = request
            self.body = body
            self.change = change
        }
    }

    /// Members and items looked at (outer first): a huge body is shrunk in its outer parts only, so proposing
    /// candidates stays cheap.
    static let maxPointers = 300

    public let operation: Operation
    private let context: MutationContext
    private var checker: SchemaChecker
    /// Body pointers the suite fixes: neither dropped nor simplified (nor anything below them).
    private let kept: [JSONPointer]
    /// Headers the suite sets (its fixed headers, the credential's): never dropped, even where the spec
    /// declares them optional (Cal.com declares `Authorization` optional on reschedule and cancel).
    private let keptHeaders: [String]

    public init(operation: Operation, documents: DocumentStore, dialect: SpecSchemaDialect, options: GenerationOptions)
    {
        self.operation = operation
        context = MutationContext(resolver: SchemaResolver(documents: documents), dialect: dialect, options: options)
        checker = SchemaChecker(documents: documents, dialect: dialect, direction: .request)
        kept = options.bodyValues.filter { $0.applies(to: operation) }.map(\.pointer)
        keptHeaders = options.fixedHeaders.map(\.name) + (options.credential.map { [$0.header] } ?? [])
    }

    /// The JSON media type of the request's body and its schema, when the body can be shrunk.
    private func bodyMedia(_ request: PreparedRequest) -> (mediaType: String, schema: JSONLocation)? {
        guard let contentType = request.header("Content-Type") else { return nil }
        let base = String(contentType.prefix { $0 != ";" }.filter { $0 != " " }).lowercased()
        guard base.hasSuffix("json") || base.hasSuffix("+json"),
            let media = operation.requestBody?.content.first(where: { $0.mediaType.lowercased() == base }),
            let schema = media.schema
        else { return nil }
        return (media.mediaType, schema)
    }

    /// Candidates for the current request, in the order they should be tried.
    public mutating func candidates(request: PreparedRequest, body: JSONValue?) -> [Candidate] {
        var out: [Candidate] = []
        let media = body == nil ? nil : bodyMedia(request)
        func withBody(_ value: JSONValue, _ change: String) {
            guard let media, checker.isValid(value, against: media.schema) else { return }
            var changed = request
            changed.body = BodyEncoder.encode(value, mediaType: media.mediaType).bytes
            out.append(Candidate(request: changed, body: value, change: change))
        }
        let optional = operation.parameters.filter { parameter in
            guard !parameter.required else { return false }
            if parameter.location == .header {
                return !keptHeaders.contains { $0.equalsIgnoringASCIICase(parameter.name) }
            }
            return parameter.location == .query
        }
        // 1. Everything droppable at once.
        var all = request
        for parameter in optional { all = Self.removing(parameter, from: all) ?? all }
        var reduced = body
        if let media, let value = body, Self.pointers(in: value).count <= Self.maxPointers {
            reduced = reduce(value, schema: media.schema)
        }
        if let media, let reduced, reduced != body {
            all.body = BodyEncoder.encode(reduced, mediaType: media.mediaType).bytes
        }
        if all != request { out.append(Candidate(request: all, body: reduced, change: "drop everything optional")) }
        // 2. Optional parameters.
        for parameter in optional {
            guard let changed = Self.removing(parameter, from: request) else { continue }
            out.append(
                Candidate(
                    request: changed, body: body,
                    change: "drop \(parameter.location.rawValue) parameter \(parameter.name)"))
        }
        guard let body, media != nil else { return out }
        // 3. Properties and array items, outer first.
        let containers = Self.pointers(in: body).prefix(Self.maxPointers).filter { !isKept($0) }
        for pointer in containers where !pointer.tokens.isEmpty {
            guard let parent = pointer.parent, case .object? = body.value(at: parent),
                let dropped = body.removing(at: pointer)
            else { continue }
            withBody(dropped, "drop /body\(pointer)")
        }
        for pointer in containers {
            guard case .array(let items)? = body.value(at: pointer), !items.isEmpty else { continue }
            if items.count > 1, let emptied = body.replacing(at: pointer, with: .array([])) {
                withBody(emptied, "empty /body\(pointer)")
            }
            for i in items.indices.reversed() {
                if let cut = body.removing(at: pointer.appending(i)) {
                    withBody(cut, "drop /body\(pointer.appending(i))")
                }
            }
        }
        // 4. Simplest values.
        for pointer in containers where !pointer.tokens.isEmpty {
            guard let current = body.value(at: pointer) else { continue }
            let location = media.flatMap { schemaLocation(of: pointer, root: $0.schema) }
            for simple in simplest(current, schema: location) where simple != current {
                guard let changed = body.replacing(at: pointer, with: simple) else { continue }
                let before = out.count
                withBody(changed, "simplify /body\(pointer)")
                if out.count > before { break }
            }
        }
        return out
    }

    /// The body with every property and array item the schema lets go removed (outer first), checked with
    /// the schema engine at each step (no request is sent).
    private mutating func reduce(_ body: JSONValue, schema: JSONLocation) -> JSONValue {
        var current = body
        var index = 0
        while index < Self.pointers(in: current).count {
            let pointers = Self.pointers(in: current)
            let pointer = pointers[index]
            index += 1
            guard !pointer.tokens.isEmpty, !isKept(pointer), let dropped = current.removing(at: pointer) else {
                continue
            }
            if checker.isValid(dropped, against: schema) {
                current = dropped
                index -= 1
            }
        }
        return current
    }

    private func isKept(_ pointer: JSONPointer) -> Bool {
        kept.contains { pointer.hasPrefix($0) }
    }

    /// Every member and item pointer of a value, breadth-first (outer first), in document order.
    static func pointers(in value: JSONValue) -> [JSONPointer] {
        var out: [JSONPointer] = [.root]
        var next = 0
        while next < out.count, out.count < 2 * maxPointers {
            let pointer = out[next]
            next += 1
            switch value.value(at: pointer) {
            case .object(let o)?: for (key, _) in o { out.append(pointer.appending(key)) }
            case .array(let a)?: for i in a.indices { out.append(pointer.appending(i)) }
            default: break
            }
        }
        return out
    }

    /// The schema of the value at `pointer` in the body (through `$ref`, `allOf`, `oneOf`/`anyOf` branches), if found.
    private func schemaLocation(of pointer: JSONPointer, root: JSONLocation) -> JSONLocation? {
        var location = root
        for token in pointer.tokens {
            if JSONPointer.arrayIndex(token) != nil,
                let items = context.parts(of: location, branches: true).first(where: { $0.object["items"] != nil })
            {
                location = items.location.appending("items")
            } else if let property = context.properties(of: location).first(where: { $0.name == token }) {
                location = property.schema
            } else {
                return nil
            }
        }
        return location
    }

    /// Simplest values for a value of this type, simplest first; the schema engine picks the first valid one.
    private func simplest(_ value: JSONValue, schema: JSONLocation?) -> [JSONValue] {
        var out: [JSONValue] = []
        if let schema, case .array(let options)? = context.keyword("enum", in: schema), let first = options.first {
            out.append(first)
        }
        let minimum = schema.flatMap { context.keyword("minimum", in: $0) }
        let minLength = schema.flatMap { context.keyword("minLength", in: $0)?.intValue } ?? 0
        switch value {
        case .string:
            out += [.string(""), .string(String(repeating: "a", count: max(1, min(minLength, 256))))]
        case .number:
            out.append(.number(JSONNumber(0)))
            if let minimum, case .number = minimum { out.append(minimum) }
            out.append(.number(JSONNumber(1)))
        case .bool: out.append(.bool(false))
        case .array: out.append(.array([]))
        case .object: out.append(.object(JSONObject()))
        case .null: break
        }
        return out
    }

    /// The request without an optional query or header parameter; nil when it does not carry it.
    static func removing(_ parameter: ParameterSpec, from request: PreparedRequest) -> PreparedRequest? {
        var changed = request
        switch parameter.location {
        case .header:
            changed.headers.removeAll { $0.name.equalsIgnoringASCIICase(parameter.name) }
        case .query:
            guard let mark = request.pathAndQuery.firstIndex(of: "?") else { return nil }
            let path = request.pathAndQuery[..<mark]
            let items = request.pathAndQuery[request.pathAndQuery.index(after: mark)...].split(
                separator: "&", omittingEmptySubsequences: false)
            let kept = items.filter { item in
                let raw =
                    item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
                    ?? ""
                let name = JSONPointer.percentDecode(raw) ?? raw
                return name != parameter.name && !name.hasPrefix(parameter.name + "[")
            }
            changed.pathAndQuery = kept.isEmpty ? String(path) : path + "?" + kept.joined(separator: "&")
        default:
            return nil
        }
        return changed == request ? nil : changed
    }
}
