import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// Documents fetched over HTTP(S) before loading, by absolute URI (no fragment).
///
/// Loading is synchronous and fetching is not, so a spec given by URL is fetched first — the root and,
/// transitively, every `http:`/`https:` document its `$ref`s name (relative `$ref`s resolve against the
/// referring document's URL) — and then loaded from these bytes (`RemoteDocumentProvider`). The network is
/// used only when the user names a URL: a local spec's remote `$ref`s stay refused by `DocumentSetLoader`.
public struct RemoteDocuments: Sendable, Hashable {
    public var documents: [String: SpecFetcher.Document]
    /// A root URL that redirected → where the spec was found (its `$ref`s and relative servers resolve
    /// against that).
    public var redirects: [String: String]

    public init(documents: [String: SpecFetcher.Document] = [:], redirects: [String: String] = [:]) {
        self.documents = documents
        self.redirects = redirects
    }

    /// The URI a spec given as `url` is loaded from: where it was found after redirects.
    public func rootURI(for url: String) -> String {
        let uri = URIReference.stripFragment(url)
        return redirects[uri] ?? uri
    }

    /// The most documents one spec may fetch (a server could otherwise name new documents forever).
    public static let maxDocuments = 1000

    /// Whether `path` (as given on the command line or as a suite's `spec`) is an `http:` or `https:` URL.
    public static func isURL(_ path: String) -> Bool {
        DocumentSetLoader.isRemote(path)
    }

    /// Fetches what loading `path` needs: the spec set when `path` is a URL, or the spec set a local suite's
    /// `spec:` names when that is a URL; nothing otherwise (a local file that cannot be read or parsed is left
    /// to the loader to report).
    public static func fetch(for path: String, options: SpecFetcher.Options) async throws(SpecLoadError)
        -> RemoteDocuments
    {
        if isURL(path) { return try await fetchSet(rootURL: path, options: options) }
        let uri = URIReference.fileURI(forPath: FileDocumentProvider.absolutePath(path))
        guard let bytes = try? FileDocumentProvider().read(uri: uri),
            case .object(let object)? = try? DocumentParser.parse(bytes, uri: uri),
            object["openapi"] == nil, object["swagger"] == nil,
            let suite = try? SuiteParser.parse(bytes, uri: uri),
            let specURI = suite.specURI, isURL(specURI)
        else { return RemoteDocuments() }
        return try await fetchSet(rootURL: specURI, options: options)
    }

    /// Fetches the spec at `rootURL` and every `http:`/`https:` document it references, transitively. The root
    /// must be a JSON or YAML OpenAPI (or Swagger 2.0) document.
    public static func fetchSet(rootURL: String, options: SpecFetcher.Options) async throws(SpecLoadError)
        -> RemoteDocuments
    {
        let fetcher = SpecFetcher(options: options)
        let requested = URIReference.stripFragment(rootURL)
        var fetched = RemoteDocuments()
        let first = try await fetcher.fetch(requested)
        let root = first.finalURL.map(URIReference.stripFragment) ?? requested
        if root != requested { fetched.redirects[requested] = root }
        var queue: [(uri: String, referrer: DocumentSetLoader.ExternalReference?)] = [(root, nil)]
        var queued: Set<String> = [root]
        var next = 0
        var total = 0
        while next < queue.count {
            let (uri, referrer) = queue[next]
            next += 1
            // A referenced document that redirected is kept under the URI its referrer names (the loader asks
            // for that one), and its own references resolve against that URI too.
            let document: SpecFetcher.Document
            do {
                document = referrer == nil ? first : try await fetcher.fetch(uri)
            } catch {
                guard let referrer else { throw error }
                var amended = error
                amended.message +=
                    " (referenced by $ref \"\(referrer.reference)\" at "
                    + SpecLoadError.displayName(forURI: referrer.location.document)
                    + referrer.location.pointer.uriFragment + ")"
                throw amended
            }
            total += document.bytes.count
            guard total <= options.maxBytes else {
                throw SpecLoadError(
                    uri: uri,
                    message:
                        "the spec's documents come to more than the limit of \(options.maxBytes) bytes (--max-spec-bytes)"
                )
            }
            let value = try parse(document, uri: uri, isRoot: referrer == nil)
            fetched.documents[uri] = document
            for reference in DocumentSetLoader.externalReferences(of: value, uri: uri)
            where isURL(reference.document) && queued.insert(reference.document).inserted {
                guard queued.count <= maxDocuments else {
                    throw SpecLoadError(uri: root, message: "references more than \(maxDocuments) documents")
                }
                queue.append((reference.document, reference))
            }
        }
        return fetched
    }

    /// The parsed document; a body that is not JSON or YAML (or, for the root, not an OpenAPI document) is
    /// named with its `Content-Type`.
    static func parse(_ document: SpecFetcher.Document, uri: String, isRoot: Bool) throws(SpecLoadError) -> JSONValue {
        let type = document.contentType.map { "Content-Type: \($0)" } ?? "no Content-Type"
        let value: JSONValue
        do {
            value = try DocumentParser.parse(document.bytes, uri: uri)
        } catch {
            var amended = error
            amended.message = "not a JSON or YAML \(isRoot ? "OpenAPI " : "")document (\(type)): " + error.message
            throw amended
        }
        guard isRoot else { return value }
        guard case .object(let object) = value, object["openapi"] != nil || object["swagger"] != nil else {
            let looksLikeHTML = document.bytes.prefix(512).contains(UInt8(ascii: "<"))
            throw SpecLoadError(
                uri: uri, line: 1, column: 1,
                message:
                    "not a JSON or YAML OpenAPI document (\(type); \(looksLikeHTML ? "the body looks like HTML" : "no top-level `openapi` or `swagger` member"))"
            )
        }
        return value
    }

    /// Adds `other`'s documents.
    public mutating func merge(_ other: RemoteDocuments) {
        documents.merge(other.documents) { _, new in new }
        redirects.merge(other.redirects) { _, new in new }
    }
}

/// Serves fetched documents to the loader. A document served over HTTP never leads to reading a local file.
struct RemoteDocumentProvider: DocumentProvider {
    var remote: RemoteDocuments

    func read(uri: String) throws(SpecLoadError) -> [UInt8] {
        if let document = remote.documents[uri] { return document.bytes }
        guard RemoteDocuments.isURL(uri) else {
            throw SpecLoadError(
                uri: uri,
                message:
                    "is not an http: or https: document; a spec given by URL may only refer to documents served over HTTP"
            )
        }
        throw SpecLoadError(uri: uri, message: "was not fetched")
    }
}
