import SpecGateJSON

/// A root document and every document its `$ref`s reach, parsed, with their raw bytes kept for
/// line lookups in error and finding reports.
public struct LoadedDocuments: Sendable {
    public var store: DocumentStore
    /// Absolute URI of the root document (no fragment).
    public var rootURI: String
    /// Raw bytes per document URI.
    public var sources: [String: [UInt8]]
    /// Set when the documents were converted from Swagger 2.0: `store` holds the OpenAPI 3.0
    /// result, `sources` the text as written, and this maps converted locations back to it.
    public var conversion: Swagger2Conversion?
    /// Position indexes recorded while parsing (YAML documents), per document URI, of the text as
    /// written. Documents without one (JSON) get theirs built from `sources` when first asked.
    public var positions: [String: SourcePositions]

    public init(
        store: DocumentStore, rootURI: String, sources: [String: [UInt8]] = [:],
        positions: [String: SourcePositions] = [:]
    ) {
        self.store = store
        self.rootURI = rootURI
        self.sources = sources
        self.positions = positions
    }

    /// The root document's value.
    public var root: JSONValue { store[rootURI] ?? .null }

    /// Where a location of `store` is written in the source texts: itself, unless the documents
    /// were converted from Swagger 2.0 and the location moved.
    public func sourceLocation(of location: JSONLocation) -> JSONLocation {
        conversion?.sourceLocation(of: location) ?? location
    }

    /// Line and column of a location in its document's text, when the text is known. Locations of
    /// converted documents are looked up where they were written in the original. To locate many,
    /// take `positionIndex(ofDocument:)` once per document (and translate with `sourceLocation(of:)`).
    public func position(of location: JSONLocation) -> (line: Int, column: Int)? {
        let source = sourceLocation(of: location)
        return positionIndex(ofDocument: source.document)?.locate(source.pointer)
    }

    /// The position index of a document's text as written: the one its parse recorded, or one built
    /// from its text (one pass), or nil when its text is not known.
    public func positionIndex(ofDocument uri: String) -> SourcePositions? {
        let document = URIReference.stripFragment(uri)
        if let index = positions[document] { return index }
        guard let bytes = sources[document] else { return nil }
        return DocumentParser.positions(in: bytes, uri: document)
    }

    /// An error about a location, with its line and column looked up in the document text (for a
    /// converted document, the file, pointer and line as written).
    public func failure(_ message: String, at location: JSONLocation) -> SpecLoadError {
        let source = sourceLocation(of: location)
        let position = position(of: location)
        return SpecLoadError(
            uri: source.document, pointer: source.pointer, line: position?.line, column: position?.column,
            message: message)
    }

    /// `error` with its line and column filled in when it names a pointer but no line and its
    /// file is one of these documents.
    public func locating(_ error: SpecLoadError) -> SpecLoadError {
        guard error.line == nil,
            let uri = sources.keys.first(where: { SpecLoadError.displayName(forURI: $0) == error.file })
        else { return error }
        guard let pointer = error.pointer, conversion != nil else { return error.locating(in: sources[uri], uri: uri) }
        let source = sourceLocation(of: JSONLocation(document: uri, pointer: pointer))
        var moved = error
        moved.file = SpecLoadError.displayName(forURI: source.document)
        moved.pointer = source.pointer
        return moved.locating(in: sources[URIReference.stripFragment(source.document)], uri: source.document)
    }
}
