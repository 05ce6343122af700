/// Reads the raw bytes of a document by absolute URI. The file-system provider lives in
/// SpecGateRunner (`FileDocumentProvider`); tests use in-memory providers.
public protocol DocumentProvider: Sendable {
    /// The document's bytes; a missing or refused document is a `SpecLoadError` naming it.
    func read(uri: String) throws(SpecLoadError) -> [UInt8]
}
