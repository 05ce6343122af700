import SpecGateJSON

/// Serves documents held in memory, by absolute URI (no fragment): a spec or suite given as data rather than
/// as files (the `SpecGate` library's `ContractSuite(documents:root:)`). Nothing else is ever read.
public struct InMemoryDocumentProvider: DocumentProvider {
    public var documents: [String: [UInt8]]

    public init(documents: [String: [UInt8]]) {
        self.documents = documents
    }

    public func read(uri: String) throws(SpecLoadError) -> [UInt8] {
        if let bytes = documents[URIReference.stripFragment(uri)] { return bytes }
        throw SpecLoadError(uri: uri, message: "is not among the documents given in memory")
    }
}
