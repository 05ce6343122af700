import SpecGateJSON

/// Loads a root document and, transitively, every document its `$ref`s point to (anywhere in the
/// document, not only in schemas), each once. Then checks that every JSON Pointer reference
/// lands on a value and that no reference chain loops back on itself.
///
/// `$ref`s resolve against the referring document's URI, or against the nearest enclosing
/// `$id`. References to `http:`/`https:` documents are followed only when the root itself is an
/// `http:`/`https:` URI (the user named a URL; the provider serves what was fetched before): a local spec
/// never leads to network access, so its remote references are refused. Values of `example`, `default`, `const`, `enum` and example `value`s are literal data
/// and are not searched for references.
///
/// A root document with `swagger: "2.0"` is converted, with every document it references, to
/// OpenAPI 3.0.3 (`Swagger2Converter`) after its references were checked; `sources` keep the text as
/// written and `conversion` maps converted locations back to it, so lines name the 2.0 file.
public struct DocumentSetLoader {
    private let provider: any DocumentProvider
    public var limits: DocumentParser.Limits

    public init(provider: some DocumentProvider, limits: DocumentParser.Limits = DocumentParser.Limits()) {
        self.provider = provider
        self.limits = limits
    }

    /// A document already read and parsed (`DocumentParser.parseIndexed`).
    public struct ParsedDocument: Sendable {
        public var bytes: [UInt8]
        public var value: JSONValue
        public var positions: SourcePositions?

        public init(bytes: [UInt8], value: JSONValue, positions: SourcePositions?) {
            self.bytes = bytes
            self.value = value
            self.positions = positions
        }
    }

    /// Loads `rootURI` (an absolute URI; a fragment is ignored) and everything it references. With
    /// `replacingRoot`, that value stands for the root document (e.g. the spec with overlays applied), which
    /// is then neither read nor parsed, and has no source bytes. With `parsedRoot`, the root document as
    /// the caller already read and parsed it (so a big file is not parsed twice).
    public func load(
        rootURI: String, replacingRoot: JSONValue? = nil, parsedRoot: ParsedDocument? = nil
    ) throws(SpecLoadError) -> LoadedDocuments {
        let root = URIReference.stripFragment(rootURI)
        let followsRemote = DocumentSetLoader.isRemote(root)
        var store = DocumentStore()
        var sources: [String: [UInt8]] = [:]
        var positions: [String: SourcePositions] = [:]
        var walker = ReferenceWalker()
        var queue: [(uri: String, referrer: ReferenceWalker.Site?)] = [(root, nil)]
        var queued: Set<String> = [root]
        var next = 0
        func queueReferences(of value: JSONValue, in uri: String) {
            let firstNew = walker.sites.count
            walker.walk(value, document: uri)
            for site in walker.sites[firstNew...] {
                let target = URIReference.stripFragment(site.target)
                guard followsRemote || !DocumentSetLoader.isRemote(target), !walker.embeddedResources.contains(target),
                    queued.insert(target).inserted
                else { continue }
                queue.append((target, site))
            }
        }
        while next < queue.count {
            let (uri, referrer) = queue[next]
            next += 1
            if walker.embeddedResources.contains(uri) { continue }
            if uri == root, let replacingRoot {
                store[uri] = replacingRoot
                queueReferences(of: replacingRoot, in: uri)
                continue
            }
            if uri == root, let parsedRoot {
                store[uri] = parsedRoot.value
                sources[uri] = parsedRoot.bytes
                positions[uri] = parsedRoot.positions
                queueReferences(of: parsedRoot.value, in: uri)
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try provider.read(uri: uri)
            } catch {
                guard let referrer else { throw error }
                var amended = error
                amended.message +=
                    " (referenced by $ref \"\(referrer.reference)\" at "
                    + SpecLoadError.displayName(forURI: referrer.location.document)
                    + referrer.location.pointer.uriFragment + ")"
                throw amended
            }
            let (value, index) = try DocumentParser.parseIndexed(bytes, uri: uri, limits: limits)
            store[uri] = value
            sources[uri] = bytes
            positions[uri] = index
            queueReferences(of: value, in: uri)
        }
        var documents = LoadedDocuments(store: store, rootURI: root, sources: sources, positions: positions)
        try DocumentSetLoader.check(walker, documents)
        if case .object(let object) = documents.root, let swagger = object["swagger"] {
            try DocumentSetLoader.convertSwagger2(swagger, &documents)
        }
        return documents
    }

    /// Converts a Swagger 2.0 set to OpenAPI 3.0 (see `Swagger2Converter`) and checks the converted
    /// references again; the original references were checked (with their own lines) before. Any
    /// other `swagger` version is refused.
    private static func convertSwagger2(_ version: JSONValue, _ documents: inout LoadedDocuments) throws(SpecLoadError)
    {
        guard version.stringValue == "2.0" else {
            let text = version.stringValue.map { "\"\($0)\"" } ?? version.description
            throw documents.failure(
                "unsupported Swagger version \(text) (SpecGate reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x)",
                at: JSONLocation(document: documents.rootURI, pointer: JSONPointer(tokens: ["swagger"])))
        }
        let (store, conversion) = Swagger2Converter.convert(documents.store, rootURI: documents.rootURI)
        documents.store = store
        documents.conversion = conversion
        var walker = ReferenceWalker()
        for uri in store.uris {
            if let value = store[uri] { walker.walk(value, document: uri) }
        }
        try check(walker, documents)
    }

    /// One reference from a document to another: the target document (absolute, no fragment), the `$ref` as
    /// written, and where it sits.
    public struct ExternalReference: Sendable, Hashable {
        public var document: String
        public var reference: String
        public var location: JSONLocation
    }

    /// The other documents `value` (the document at `uri`) refers to, in document order, each once; resources
    /// the document embeds with `$id` are left out. Lets a caller fetch a document set before loading it.
    public static func externalReferences(of value: JSONValue, uri: String) -> [ExternalReference] {
        var walker = ReferenceWalker()
        walker.walk(value, document: uri)
        var seen: Set<String> = [URIReference.stripFragment(uri)]
        var out: [ExternalReference] = []
        for site in walker.sites {
            let target = URIReference.stripFragment(site.target)
            guard !walker.embeddedResources.contains(target), seen.insert(target).inserted else { continue }
            out.append(ExternalReference(document: target, reference: site.reference, location: site.location))
        }
        return out
    }

    /// Whether `uri` is an `http:` or `https:` URI.
    public static func isRemote(_ uri: String) -> Bool {
        let lower = uri.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:")
    }

    /// Every pointer reference must land on a value, and no chain of `$ref` objects may loop.
    private static func check(_ walker: ReferenceWalker, _ documents: LoadedDocuments) throws(SpecLoadError) {
        var targets: [JSONLocation: JSONLocation] = [:]
        for site in walker.sites {
            let document = URIReference.stripFragment(site.target)
            if walker.embeddedResources.contains(document) { continue }
            guard documents.store[document] != nil else {
                let why =
                    isRemote(document)
                    ? "is a remote document; SpecGate never fetches over the network (download it and refer to the local file)"
                    : "cannot be loaded"
                throw documents.failure("$ref \"\(site.reference)\" \(why)", at: site.location)
            }
            // Plain-name fragments (`#anchor`) are left to the schema engine.
            let fragment = URIReference.fragment(of: site.target) ?? ""
            guard fragment.isEmpty || fragment.hasPrefix("/") else { continue }
            guard let pointer = JSONPointer("#" + fragment) else {
                throw documents.failure("$ref \"\(site.reference)\" has a malformed JSON Pointer", at: site.location)
            }
            let target = JSONLocation(document: document, pointer: pointer)
            guard documents.store.value(at: target) != nil else {
                throw documents.failure("dangling $ref \"\(site.reference)\"", at: site.location)
            }
            targets[site.location] = target
        }
        var acyclic = Set<JSONLocation>()
        for site in walker.sites {
            var chain = [site.location]
            var seen: Set<JSONLocation> = [site.location]
            var current = site.location
            while !acyclic.contains(current), let next = targets[current] {
                chain.append(next)
                guard seen.insert(next).inserted else {
                    let error = ReferenceResolver.cycleError(chain, start: site.location)
                    throw documents.locating(error)
                }
                current = next
            }
            acyclic.formUnion(seen)
        }
    }
}
