import SpecGateJSON

/// Loads a root document and, transitively, every document its `$ref`s point to (anywhere in the
/// document, not only in schemas), each once. Then checks that every JSON Pointer reference
/// lands on a value and that no reference chain loops back on itself.
///
/// `$ref`s resolve against the referring document's URI, or against the nearest enclosing
/// `$id`. References to `http:`/`https:` documents are refused: the tool never fetches over the
/// network. Values of `example`, `default`, `const`, `enum` and example `value`s are literal data
/// and are not searched for references.
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
                guard !DocumentSetLoader.isRemote(target), !walker.embeddedResources.contains(target),
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
                amended.message += " (referenced by $ref \"\(referrer.reference)\" at "
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
        let documents = LoadedDocuments(store: store, rootURI: root, sources: sources, positions: positions)
        try DocumentSetLoader.check(walker, documents)
        return documents
    }

    private static func isRemote(_ uri: String) -> Bool {
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
                let why = isRemote(document)
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
