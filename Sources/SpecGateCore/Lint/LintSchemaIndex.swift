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
    static let singleSchemaKeywords: Set<String> = [
        "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedItems",
        "unevaluatedProperties", "additionalProperties", "items",
    ]
    /// Keywords whose value is an array of subschemas.
    static let arrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    /// Keywords whose value maps names to subschemas.
    static let mapKeywords: Set<String> = [
        "properties", "patternProperties", "dependentSchemas", "$defs", "definitions",
    ]

    init(documents: DocumentStore, roots: [JSONLocation]) {
        // Values travel with their locations; only `$ref` targets and roots are looked up by pointer.
        var pending: [(location: JSONLocation, value: JSONValue?)] = roots.map { (location: $0, value: nil) }
        var seen = Set(roots)
        while let (location, known) = pending.popLast() {
            guard let value = known ?? documents.value(at: location) else { continue }
            var node = Node(location: location, value: value, reference: nil, children: [])
            var found: [(label: String, location: JSONLocation, value: JSONValue?)] = []
            if case .object(let object) = value {
                for (keyword, member) in object {
                    switch (keyword, member) {
                    case ("$ref", .string(let ref)):
                        node.reference = LintSchemaIndex.resolve(ref, from: location, in: documents)
                        if let target = node.reference { found.append((label: "$ref", location: target, value: nil)) }
                    case (_, .object), (_, .bool):
                        if LintSchemaIndex.singleSchemaKeywords.contains(keyword) {
                            found.append((label: keyword, location: location.appending(keyword), value: member))
                        }
                        if case .object(let members) = member, LintSchemaIndex.mapKeywords.contains(keyword) {
                            for (name, child) in members {
                                found.append(
                                    (
                                        label: "\(keyword)/\(JSONPointer.escape(name))",
                                        location: location.appending(keyword).appending(name), value: child
                                    ))
                            }
                        }
                    case (_, .array(let items)) where LintSchemaIndex.arrayKeywords.contains(keyword):
                        for (i, child) in items.enumerated() {
                            found.append(
                                (
                                    label: "\(keyword)/\(i)", location: location.appending(keyword).appending(i),
                                    value: child
                                ))
                        }
                    default:
                        break
                    }
                }
            }
            node.children = found.map { (label: $0.label, location: $0.location) }
            for child in found where !seen.contains(child.location) {
                seen.insert(child.location)
                pending.append((location: child.location, value: child.value))
            }
            nodes[location] = node
        }
        // Documents, then pointers token by token (cheaper than comparing pointer texts).
        order = nodes.keys.sorted { $0.document != $1.document ? $0.document < $1.document : $0.pointer < $1.pointer }
    }

    /// Resolves `reference` written in the document of `location`: a JSON Pointer fragment (or none)
    /// in a document of the store. Plain-name fragments (anchors) resolve to nil.
    static func resolve(_ reference: String, from location: JSONLocation, in documents: DocumentStore) -> JSONLocation?
    {
        let absolute = URIReference.resolve(reference, against: location.document)
        let document = URIReference.stripFragment(absolute)
        guard documents[document] != nil else { return nil }
        let fragment = URIReference.fragment(of: absolute) ?? ""
        guard let pointer = JSONPointer("#" + fragment) else { return nil }
        let target = JSONLocation(document: document, pointer: pointer)
        return documents.value(at: target) == nil ? nil : target
    }
}
