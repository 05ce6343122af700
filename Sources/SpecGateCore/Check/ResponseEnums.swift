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

    /// The sites of one body schema arranged for observing bodies: their instance paths as one tree, so a
    /// body is walked once whatever the number of sites (a list of bookings has dozens, many on one path),
    /// and each site's values by value, so a value is looked up rather than compared with every member.
    public struct Observer: Sendable {
        private struct Node: Sendable {
            /// Indices (in `sites`) of the sites whose path ends here.
            var sites: [Int] = []
            var children: [String: Node] = [:]
        }
        /// The schema's sites, in the order the walk found them; `observe` names them by index.
        public let sites: [Site]
        private var root = Node()
        /// Per site, each value's positions in its `enum` (a value may be listed twice).
        private var positions: [[JSONValue: [Int]]] = []

        init(_ sites: [Site]) {
            self.sites = sites
            for (index, site) in sites.enumerated() {
                var byValue: [JSONValue: [Int]] = [:]
                for (i, value) in site.values.enumerated() { byValue[value, default: []].append(i) }
                positions.append(byValue)
                Self.insert(index, path: site.path[...], into: &root)
            }
        }

        private static func insert(_ site: Int, path: ArraySlice<String>, into node: inout Node) {
            guard let token = path.first else {
                node.sites.append(site)
                return
            }
            insert(site, path: path.dropFirst(), into: &node.children[token, default: Node()])
        }

        /// Calls `found(site, positions)` for every enum member that `body` holds where a site applies.
        public func observe(_ body: JSONValue, _ found: (_ site: Int, _ positions: [Int]) -> Void) {
            Self.visit(body, root, positions, found)
        }

        private static func visit(
            _ value: JSONValue, _ node: Node, _ positions: [[JSONValue: [Int]]], _ found: (Int, [Int]) -> Void
        ) {
            for site in node.sites {
                if let at = positions[site][value] { found(site, at) }
            }
            for (token, child) in node.children {
                switch value {
                case .array(let items) where token == "*":
                    for item in items { visit(item, child, positions, found) }
                case .object(let object):
                    if let member = object[token] { visit(member, child, positions, found) }
                default:
                    continue
                }
            }
        }
    }

    /// Per body schema, its enum sites (with their observer).
    private var observers: [JSONLocation: Observer] = [:]
    /// Deepest instance path followed.
    static let maxDepth = 12

    public init() {}

    public init(spec: APISpec, operations: [Operation]) {
        for operation in operations {
            for response in operation.responses {
                for media in response.content where media.isJSON {
                    guard let schema = media.schema, observers[schema] == nil else { continue }
                    var found: [Site] = []
                    var seen: Set<JSONLocation> = []
                    Self.walk(schema, path: [], documents: spec.documents, stack: [], into: &found, seen: &seen)
                    observers[schema] = Observer(found)
                }
            }
        }
    }

    /// The enum sites of the body schema at `schema`.
    public func sites(for schema: JSONLocation) -> [Site] {
        observers[schema]?.sites ?? []
    }

    /// The observer of the body schema at `schema`, when it has enum sites.
    public func observer(for schema: JSONLocation) -> Observer? {
        observers[schema].flatMap { $0.sites.isEmpty ? nil : $0 }
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
