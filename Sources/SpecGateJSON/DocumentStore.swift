/// Parsed documents keyed by absolute URI (`file:///…/openapi.json`, `http://localhost:1234/x.json`).
/// The spec loader fills it; the schema compiler resolves `$ref`s through it.
public struct DocumentStore: Sendable {
    public private(set) var documents: [String: JSONValue]

    public init(_ documents: [String: JSONValue] = [:]) {
        self.documents = documents
    }

    public subscript(uri: String) -> JSONValue? {
        get { documents[URIReference.stripFragment(uri)] }
        set { documents[URIReference.stripFragment(uri)] = newValue }
    }

    public func value(at location: JSONLocation) -> JSONValue? {
        self[location.document]?.value(at: location.pointer)
    }

    public var uris: [String] { documents.keys.sorted() }
}
