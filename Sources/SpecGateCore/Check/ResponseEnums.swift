import SpecGateJSON

/// The `enum`s reachable in each JSON response body schema of the operations under test, with the
/// instance path that leads to each (`*` for any array item), for enum coverage. `$ref`s are followed;
/// a schema already on the walk's path (recursion) is not entered again.
public struct ResponseEnums: Sendable {
    /// One `enum` keyword and where in a body it applies.
    public struct Site: Sendable, Hashable {
        /// Object keys and `*` (every array item) from the body root.
        public var path: [String]
        /// The schema holding the `enum`.
        public var location: JSONLocation
        public var values: [JSONValue]
    }

    private var sites: [JSONLocation: [Site]] = [:]
    /// Deepest instance path followed.
    static let maxDepth = 12

    public init() {}

    public init(spec: APISpec, operations: [Operation]) {
        for operation in operations {
            for response in operation.responses {
                for media in response.content where media.isJSON {
                    guard let schema = media.schema, sites[schema] == nil else { continue }
                    var found: [Site] = []
                    var seen: Set<JSONLocation> = []
                    Self.walk(schema, path: [], documents: spec.documents, stack: [], into: &found, seen: &seen)
                    sites[schema] = found
                }
            }
        }
    }

    /// The enum sites of the body schema at `schema`.
    public func sites(for schema: JSONLocation) -> [Site] {
        sites[schema] ?? []
    }

    private static func walk(
        _ location: JSONLocation, path: [String], documents: DocumentStore, stack: Set<JSONLocation>,
        into found: inout [Site],
        seen: inout Set<JSONLocation>
    ) {
        guard path.count <= maxDepth, !stack.contains(location),
            case .object(let schema)? = documents.value(at: location)
        else {
            return
        }
        let stack = stack.union([location])
        func visit(_ next: JSONLocation, _ nextPath: [String]) {
            walk(next, path: nextPath, documents: documents, stack: stack, into: &found, seen: &seen)
        }
        if case .string(let reference)? = schema["$ref"] {
            let target = URIReference.resolve(reference, against: location.document)
            let document = URIReference.stripFragment(target)
            let fragment = URIReference.fragment(of: target).map { "#" + $0 } ?? "#"
            if let pointer = JSONPointer(fragment) { visit(JSONLocation(document: document, pointer: pointer), path) }
        }
        if case .array(let values)? = schema["enum"], !values.isEmpty, seen.insert(location).inserted {
            found.append(Site(path: path, location: location, values: values))
        }
        if case .object(let properties)? = schema["properties"] {
            for (key, _) in properties { visit(location.appending("properties").appending(key), path + [key]) }
        }
        if case .object? = schema["items"] { visit(location.appending("items"), path + ["*"]) }
        for keyword in ["allOf", "oneOf", "anyOf"] {
            if case .array(let branches)? = schema[keyword] {
                for i in branches.indices { visit(location.appending(keyword).appending(i), path) }
            }
        }
    }
}
