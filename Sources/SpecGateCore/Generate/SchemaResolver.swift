import SpecGateJSON

/// Follows `$ref`s between schema locations in a `DocumentStore` (RFC 3986 resolution against the
/// containing document, JSON Pointer fragments).
public struct SchemaResolver: Sendable {
    public let documents: DocumentStore

    public init(documents: DocumentStore) { self.documents = documents }

    /// The location a `$ref` string written in `base`'s document points to, or nil when it does not resolve.
    public func target(of reference: String, from base: JSONLocation) -> JSONLocation? {
        let absolute = URIReference.resolve(reference, against: base.document)
        let document = URIReference.stripFragment(absolute)
        let fragment = URIReference.fragment(of: absolute) ?? ""
        guard let pointer = JSONPointer("#" + fragment) else { return nil }
        let location = JSONLocation(document: document, pointer: pointer)
        return documents.value(at: location) == nil ? nil : location
    }

    /// The schema value at a location.
    public func value(at location: JSONLocation) -> JSONValue? { documents.value(at: location) }
}
