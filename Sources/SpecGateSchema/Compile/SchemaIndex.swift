import SpecGateJSON

/// Identifiers found in documents: schema resources (`$id`/`id`), anchors and dynamic anchors,
/// and where each resource begins, so base URIs and `$ref` targets can be looked up.
struct SchemaIndex: Sendable {
    let dialect: SchemaDialect
    /// Resource URI (no fragment) → location of the resource root.
    private(set) var resources: [String: JSONLocation] = [:]
    /// "resourceURI#name" → location (`$anchor`, `$dynamicAnchor`, draft 4 `id: "#name"`).
    private(set) var anchors: [String: JSONLocation] = [:]
    /// Resource URI → its `$dynamicAnchor` names and locations.
    private(set) var dynamicAnchors: [String: [(name: String, location: JSONLocation)]] = [:]
    /// Document → resource roots inside it (pointer, base URI).
    private var roots: [String: [(pointer: JSONPointer, uri: String)]] = [:]
    private(set) var indexedDocuments: Set<String> = []

    init(dialect: SchemaDialect) {
        self.dialect = dialect
    }

    /// Keywords whose value is a schema.
    static let singleSchemaKeywords: Set<String> = [
        "additionalItems", "additionalProperties", "not", "items", "contains", "propertyNames", "if", "then",
        "else", "unevaluatedItems", "unevaluatedProperties",
    ]
    /// Keywords whose value is an array of schemas.
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    /// Keywords whose value is an object of schemas.
    static let schemaMapKeywords: Set<String> = [
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies",
    ]

    /// Scans `document` (stored under `uri`) once.
    mutating func index(document uri: String, value: JSONValue) {
        guard indexedDocuments.insert(uri).inserted else { return }
        let rootLocation = JSONLocation(document: uri)
        resources[uri] = resources[uri] ?? rootLocation
        roots[uri, default: []].append((JSONPointer.root, uri))
        if dialect == .openAPI30 { return }
        if case .object(let o) = value, o["openapi"] != nil {
            scanOpenAPI(value, location: rootLocation, base: uri)
        } else {
            scan(value, location: rootLocation, base: uri)
        }
    }

    /// OpenAPI documents: every `components/schemas` entry and every `schema` member is a schema.
    private mutating func scanOpenAPI(_ value: JSONValue, location: JSONLocation, base: String) {
        switch value {
        case .object(let o):
            for (key, child) in o {
                let childLocation = location.appending(key)
                if key == "schema" {
                    scan(child, location: childLocation, base: base)
                } else if key == "schemas", location.pointer.last == "components", case .object(let map) = child {
                    for (name, schema) in map { scan(schema, location: childLocation.appending(name), base: base) }
                } else {
                    scanOpenAPI(child, location: childLocation, base: base)
                }
            }
        case .array(let a):
            for (i, child) in a.enumerated() { scanOpenAPI(child, location: location.appending(i), base: base) }
        default:
            break
        }
    }

    private mutating func scan(_ value: JSONValue, location: JSONLocation, base: String) {
        guard case .object(let o) = value else { return }
        var base = base
        if dialect == .draft4 {
            // `$ref` siblings are ignored, including `id`.
            if o["$ref"] != nil { return }
            if case .string(let id) = o["id"] {
                let resolved = URIReference.resolve(id, against: base)
                let fragment = URIReference.fragment(of: resolved) ?? ""
                if !id.hasPrefix("#") {
                    base = URIReference.stripFragment(resolved)
                    addResource(base, location)
                }
                if !fragment.isEmpty, !fragment.hasPrefix("/") {
                    anchors[URIReference.stripFragment(resolved) + "#" + fragment] = location
                }
            }
        } else {
            if case .string(let id) = o["$id"] {
                base = URIReference.stripFragment(URIReference.resolve(id, against: base))
                addResource(base, location)
            }
            if case .string(let anchor) = o["$anchor"] { anchors[base + "#" + anchor] = location }
            if case .string(let anchor) = o["$dynamicAnchor"] {
                anchors[base + "#" + anchor] = anchors[base + "#" + anchor] ?? location
                dynamicAnchors[base, default: []].append((anchor, location))
            }
        }
        for (key, child) in o {
            let childLocation = location.appending(key)
            if SchemaIndex.singleSchemaKeywords.contains(key) {
                scan(child, location: childLocation, base: base)
            }
            if SchemaIndex.schemaArrayKeywords.contains(key), case .array(let items) = child {
                for (i, item) in items.enumerated() { scan(item, location: childLocation.appending(i), base: base) }
            }
            if SchemaIndex.schemaMapKeywords.contains(key), case .object(let map) = child {
                for (name, item) in map { scan(item, location: childLocation.appending(name), base: base) }
            }
        }
    }

    private mutating func addResource(_ uri: String, _ location: JSONLocation) {
        if resources[uri] == nil { resources[uri] = location }
        roots[location.document, default: []].append((location.pointer, uri))
    }

    /// The base URI in effect at `location`: the innermost resource root containing it.
    func baseURI(of location: JSONLocation) -> String {
        var best: (count: Int, uri: String) = (-1, location.document)
        for root in roots[location.document] ?? [] where root.pointer.tokens.count >= best.count {
            if location.pointer.hasPrefix(root.pointer) { best = (root.pointer.tokens.count, root.uri) }
        }
        return best.uri
    }
}
