import SpecGateJSON

/// Compiles schemas found in a `DocumentStore` into validator trees.
///
/// Each (document, pointer) is compiled once; `$ref`s become node indices, so recursive
/// schemas compile without loops. Nodes are cached across `compile` calls in a shared arena.
public struct SchemaCompiler: Sendable {
    let documents: DocumentStore
    let options: SchemaOptions
    var index: SchemaIndex
    var arena = NodeArena()
    var cache: [JSONLocation: Int] = [:]
    var resourceIDs: [String: Int] = [:]
    var vocabularies: [Int: Vocabulary] = [:]

    /// Creates a compiler over `documents`; `$ref`s resolve only to documents in the store.
    public init(documents: DocumentStore, options: SchemaOptions) {
        self.documents = documents
        self.options = options
        self.index = SchemaIndex(dialect: options.dialect)
    }

    /// Compiles the schema at `location` (and everything it references).
    /// Throws for dangling `$ref`s, `$ref` cycles with no schema in between, and invalid keyword values.
    public mutating func compile(_ location: JSONLocation) throws(SchemaCompileError) -> CompiledSchema {
        // What a failed compile must undo. Not a copy of `self`: the cache would then be copied on
        // its next write, once per call — quadratic over the thousands of schemas of a big spec.
        let nodeCount = arena.count
        let resourceCount = arena.resources.count
        let savedIndex = index
        do throws(SchemaCompileError) {
            let root = try node(at: location)
            return CompiledSchema(
                arena: arena, root: root, regexStepBudget: options.regexStepBudget,
                usesDynamicScope: arena.resources.contains { !$0.dynamicAnchors.isEmpty })
        } catch {
            // Only entries made by this call point at nodes or resources past the saved counts.
            cache = cache.filter { $0.value < nodeCount }
            resourceIDs = resourceIDs.filter { $0.value < resourceCount }
            vocabularies = vocabularies.filter { $0.key < resourceCount }
            arena.truncate(nodes: nodeCount, resources: resourceCount)
            index = savedIndex
            throw error
        }
    }

    // MARK: nodes

    /// The node for the schema at `location`, compiling it on first use.
    mutating func node(at location: JSONLocation) throws(SchemaCompileError) -> Int {
        if let existing = cache[location] { return existing }
        ensureIndexed(location.document)
        guard let value = documents.value(at: location) else {
            throw SchemaCompileError(location: location, message: "no schema at \(location)")
        }
        let id = arena.append(.placeholder(location))
        cache[location] = id
        let base = index.baseURI(of: location)
        let resource = try resourceID(base)
        var node = SchemaNode(
            location: location, resource: resource, constant: nil, checks: [], collectsAnnotations: false)
        switch value {
        case .bool(let b):
            node.constant = b
        case .object(let o):
            let compiled = try compileObject(o, at: location, base: base, vocabulary: vocabularies[resource] ?? .all)
            node.checks = compiled.checks
            node.collectsAnnotations = compiled.collectsAnnotations
            if node.checks.isEmpty { node.constant = true }
        default:
            throw SchemaCompileError(
                location: location, message: "a schema must be an object or a boolean, found \(value.typeName)")
        }
        arena[id] = node
        return id
    }

    mutating func ensureIndexed(_ document: String) {
        guard !index.indexedDocuments.contains(document), let value = documents[document] else { return }
        index.index(document: document, value: value)
    }

    /// The resource index for `uri`; registering it compiles its `$dynamicAnchor`s.
    mutating func resourceID(_ uri: String) throws(SchemaCompileError) -> Int {
        if let id = resourceIDs[uri] { return id }
        let id = arena.resources.count
        arena.resources.append(SchemaResource(uri: uri, dynamicAnchors: [:]))
        resourceIDs[uri] = id
        vocabularies[id] = vocabulary(ofResource: uri)
        for anchor in index.dynamicAnchors[uri] ?? [] {
            let target = try node(at: anchor.location)
            if arena.resources[id].dynamicAnchors[anchor.name] == nil {
                arena.resources[id].dynamicAnchors[anchor.name] = target
            }
        }
        return id
    }

    /// Vocabularies enabled by the `$schema` of a 2020-12 resource whose metaschema is in the store.
    private func vocabulary(ofResource uri: String) -> Vocabulary {
        guard options.dialect == .draft2020_12, let root = index.resources[uri],
            case .string(let schemaURI) = documents.value(at: root)?["$schema"],
            case .object(let declared) = documents[URIReference.stripFragment(schemaURI)]?["$vocabulary"]
        else { return .all }
        var result: Vocabulary = []
        for (name, _) in declared {
            if let vocabulary = Vocabulary.named(name) { result.insert(vocabulary) }
        }
        return result
    }

    // MARK: references

    /// Resolves a `$ref` value against `base` to the location of its target.
    mutating func resolve(_ reference: String, base: String, at keyword: JSONLocation) throws(SchemaCompileError)
        -> JSONLocation
    {
        let full = URIReference.resolve(reference, against: base)
        let document = URIReference.stripFragment(full)
        let fragment = URIReference.fragment(of: full) ?? ""
        if index.resources[document] == nil {
            if documents[document] != nil {
                ensureIndexed(document)
            } else {
                for uri in documents.uris { ensureIndexed(uri) }
            }
        }
        guard let root = index.resources[document] else {
            throw SchemaCompileError(
                location: keyword, message: "$ref \"\(reference)\" is dangling: no loaded document or $id \(document)")
        }
        if fragment.isEmpty { return root }
        if fragment.hasPrefix("/") {
            guard let pointer = JSONPointer("#" + fragment) else {
                throw SchemaCompileError(
                    location: keyword, message: "$ref \"\(reference)\" has an invalid JSON pointer")
            }
            let target = JSONLocation(document: root.document, pointer: root.pointer.appending(pointer))
            guard documents.value(at: target) != nil else {
                throw SchemaCompileError(
                    location: keyword, message: "$ref \"\(reference)\" is dangling: nothing at \(target)")
            }
            return target
        }
        let name = JSONPointer.percentDecode(fragment) ?? fragment
        guard let target = index.anchors[document + "#" + name] else {
            throw SchemaCompileError(
                location: keyword, message: "$ref \"\(reference)\" is dangling: no anchor \"\(name)\" in \(document)")
        }
        return target
    }

    /// Keywords that make a schema more than a bare `$ref`.
    static let assertingKeywords: Set<String> = [
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format", "items", "prefixItems", "additionalItems", "contains",
        "minItems", "maxItems", "uniqueItems", "properties", "patternProperties", "additionalProperties",
        "required", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "dependencies",
        "propertyNames", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$dynamicRef",
        "unevaluatedItems", "unevaluatedProperties", "discriminator", "nullable",
    ]

    /// When the schema at `location` is only a `$ref`, where that `$ref` points.
    private mutating func bareReferenceTarget(_ location: JSONLocation) -> JSONLocation? {
        guard case .object(let o) = documents.value(at: location), case .string(let reference) = o["$ref"] else {
            return nil
        }
        if options.dialect == .draft2020_12, o.keys.contains(where: { SchemaCompiler.assertingKeywords.contains($0) }) {
            return nil
        }
        return try? resolve(reference, base: index.baseURI(of: location), at: location.appending("$ref"))
    }

    /// Throws when following bare `$ref`s from `owner` (itself a bare `$ref` to `target`) comes back around.
    mutating func checkReferenceCycle(from owner: JSONLocation, to target: JSONLocation) throws(SchemaCompileError) {
        var chain = [owner]
        var current = target
        while chain.count < 256 {
            if chain.contains(current) {
                let path = (chain + [current]).map(\.description).joined(separator: " -> ")
                throw SchemaCompileError(
                    location: owner.appending("$ref"), message: "$ref cycle with no schema in between: \(path)")
            }
            guard let next = bareReferenceTarget(current) else { return }
            chain.append(current)
            current = next
        }
    }
}
