import SpecGateCore

/// Fetches one document (a spec, or a document a spec's `$ref` names) over HTTP(S) with the project's
/// own engine: a GET with the given headers, redirects followed, a size limit and a timeout.
public struct SpecFetcher: Sendable {
    /// How documents are fetched.
    public struct Options: Sendable, Hashable {
        /// Headers sent with every fetch (e.g. `Authorization` for a document behind auth).
        public var headers: [HTTPHeaderField]
        /// PEM file with extra trusted CA certificates for HTTPS.
        public var caCertificatePath: String?
        /// Largest document accepted, in bytes.
        public var maxBytes: Int
        /// Limit for one whole fetch (connecting, sending, reading the body).
        public var timeout: Duration
        /// Redirects followed.
        public var maxRedirects: Int

        public init(
            headers: [HTTPHeaderField] = [], caCertificatePath: String? = nil, maxBytes: Int = 50 << 20,
            timeout: Duration = .seconds(30), maxRedirects: Int = 5
        ) {
            self.headers = headers
            self.caCertificatePath = caCertificatePath
            self.maxBytes = maxBytes
            self.timeout = timeout
            self.maxRedirects = maxRedirects
        }
    }

    /// A fetched document.
    public struct Document: Sendable, Hashable {
        public var bytes: [UInt8]
        /// The `Content-Type` the server gave, if any.
        public var contentType: String?

        public init(bytes: [UInt8], contentType: String?) {
            self.bytes = bytes
            self.contentType = contentType
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Fetches `url` (`http:` or `https:`, fragment ignored). Any failure — a status other than 2xx, a body
    /// over the limit, a refused connection, an unknown host, a timeout — is a `SpecLoadError` naming the URL,
    /// with the header values masked.
    public func fetch(_ url: String) async throws(SpecLoadError) -> Document {
        let masker = SecretMasker(
            secrets: options.headers.map { .init(value: $0.value, placeholder: "<\($0.name) header value>") })
        func failure(_ message: String) -> SpecLoadError {
            SpecLoadError(uri: masker.mask(url), message: masker.mask(message))
        }
        let withoutFragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        let (origin, target) = try Self.split(withoutFragment, failure: failure)
        var transportOptions = TransportOptions(baseURL: origin)
        transportOptions.concurrency = 1
        transportOptions.timeout = options.timeout
        transportOptions.connectTimeout = min(.seconds(10), options.timeout)
        transportOptions.maxRetries = 1
        transportOptions.honorRetryAfter = false
        transportOptions.maxRedirects = options.maxRedirects
        transportOptions.maxResponseBytes = options.maxBytes
        transportOptions.caCertificatePath = options.caCertificatePath
        let transport: HTTPTransport
        do throws(TransportError) {
            transport = try HTTPTransport(options: transportOptions)
        } catch {
            throw failure("cannot be fetched: \(error.message)")
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json, application/yaml;q=0.9, */*;q=0.5")]
        headers += options.headers.map { ($0.name, $0.value) }
        let exchange = await transport.send(PreparedRequest(method: .get, pathAndQuery: target, headers: headers))
        await transport.shutdown()
        let response: HTTPResponseRecord
        switch exchange.result {
        case .failure(let error):
            throw failure("cannot be fetched: \(Self.describe(error))")
        case .success(let record):
            response = record
        }
        guard (200...299).contains(response.status) else {
            let reason = Self.reasons[response.status].map { " " + $0 } ?? ""
            let hint = response.status == 401 || response.status == 403 ? " (a document behind auth needs --spec-header)" : ""
            throw failure("the server answered HTTP \(response.status)\(reason), not the document\(hint)")
        }
        guard !response.bodyTruncated else {
            throw failure("is larger than the limit of \(options.maxBytes) bytes (--max-spec-bytes)")
        }
        return Document(bytes: response.body, contentType: response.header("Content-Type"))
    }

    /// `http://host:port` and `/path?query` of an absolute URL.
    static func split(
        _ url: String, failure: (String) -> SpecLoadError
    ) throws(SpecLoadError) -> (origin: String, target: String) {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), let schemeEnd = url.range(of: "://") else {
            throw failure("is not an http: or https: URL")
        }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        guard end > rest.startIndex else { throw failure("has no host") }
        let target = String(rest[end...])
        return (String(url[..<end]), target.isEmpty ? "/" : target.hasPrefix("?") ? "/" + target : target)
    }

    private static func describe(_ error: TransportError) -> String {
        switch error.kind {
        case .connectionRefused: return "connection refused (is the server running?): \(error.message)"
        case .timeout: return "timed out: \(error.message)"
        case .tls: return "TLS failed (--ca-cert?): \(error.message)"
        default: return error.message
        }
    }

    private static let reasons: [Int: String] = [
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        406: "Not Acceptable", 408: "Request Timeout", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
