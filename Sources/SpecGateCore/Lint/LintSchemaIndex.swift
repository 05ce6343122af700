import SpecGateJSON

/// Every schema reachable from a set of root schemas, with the structure the schema rules need.
struct LintSchemaIndex: Sendable {
    /// A schema object (or boolean schema) and the schemas it directly contains or references.
    struct Node: Sendable {
        var location: JSONLocation
        var value: JSONValue
        /// The resolved `$ref` target, if the schema has one.
        var reference: JSONLocation?
        /// Subschemas with a label describing how they are reached ("properties/data", "allOf/0", …).
        var children: [(label: String, location: JSONLocation)]
    }

    private(set) var nodes: [JSONLocation: Node] = [:]
    /// Node locations, sorted.
    private(set) var order: [JSONLocation] = []

    /// Keywords whose value is one subschema.
    static let singleSchemaKeywords = [
        "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedItems",
        "unevaluatedProperties", "additionalProperties", "items",
    ]
    /// Keywords whose value is an array of subschemas.
    static let arrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    /// Keywords whose value maps names to subschemas.
    static let mapKeywords = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]

    init(documents: DocumentStore, roots: [JSONLocation]) {
        var pending = roots
        var seen = Set(roots)
        while let location = pending.popLast() {
            guard let value = documents.value(at: location) else { continue }
            var node = Node(location: location, value: value, reference: nil, children: [])
            if case .object(let object) = value {
                if case .string(let ref)? = object["$ref"] {
                    node.reference = LintSchemaIndex.resolve(ref, from: location, in: documents)
                    if let target = node.reference { node.children.append((label: "$ref", location: target)) }
                }
                for keyword in LintSchemaIndex.singleSchemaKeywords {
                    guard let child = object[keyword] else { continue }
                    switch child {
                    case .object, .bool: node.children.append((label: keyword, location: location.appending(keyword)))
                    default: break
                    }
                }
                for keyword in LintSchemaIndex.arrayKeywords {
                    guard case .array(let items)? = object[keyword] else { continue }
                    for i in items.indices {
                        node.children.append((label: "\(keyword)/\(i)", location: location.appending(keyword).appending(i)))
                    }
                }
                for keyword in LintSchemaIndex.mapKeywords {
                    guard case .object(let members)? = object[keyword] else { continue }
                    for (name, _) in members {
                        node.children.append(
                            (label: "\(keyword)/\(JSONPointer.escape(name))", location: location.appending(keyword).appending(name)))
                    }
                }
            }
            for child in node.children where !seen.contains(child.location) {
                seen.insert(child.location)
                pending.append(child.location)
            }
            nodes[location] = node
        }
        order = nodes.keys.sorted()
    }

    /// Resolves `reference` written in the document of `location`: a JSON Pointer fragment (or none)
    /// in a document of the store. Plain-name fragments (anchors) resolve to nil.
    static func resolve(_ reference: String, from location: JSONLocation, in documents: DocumentStore) -> JSONLocation? {
        let absolute = URIReference.resolve(reference, against: location.document)
        let document = URIReference.stripFragment(absolute)
        guard documents[document] != nil else { return nil }
        let fragment = URIReference.fragment(of: absolute) ?? ""
        guard let pointer = JSONPointer("#" + fragment) else { return nil }
        let target = JSONLocation(document: document, pointer: pointer)
        return documents.value(at: target) == nil ? nil : target
    }
}
