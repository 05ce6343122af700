import SpecGateCore

/// Fetches one document (a spec, or a document a spec's `$ref` names) over HTTP(S) with the project's
/// own engine: a GET with the given headers, redirects followed, a size limit and a timeout.
public struct SpecFetcher: Sendable {
    /// How documents are fetched.
    public struct Options: Sendable, Hashable {
        /// Headers sent with every fetch (e.g. `Authorization` for a document behind auth).
        public var headers: [HeaderField]
        /// PEM file with extra trusted CA certificates for HTTPS.
        public var caCertificatePath: String?
        /// Largest document accepted, in bytes.
        public var maxBytes: Int
        /// Limit for one whole fetch (connecting, sending, reading the body).
        public var timeout: Duration
        /// Redirects followed.
        public var maxRedirects: Int

        public init(
            headers: [HeaderField] = [], caCertificatePath: String? = nil, maxBytes: Int = 50 << 20,
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
        /// Where the document was found after redirects; nil when it was not redirected.
        public var finalURL: String?

        public init(bytes: [UInt8], contentType: String?, finalURL: String? = nil) {
            self.bytes = bytes
            self.contentType = contentType
            self.finalURL = finalURL
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Fetches `url` (`http:` or `https:`, fragment ignored), following up to `maxRedirects` redirects; the
    /// `headers` are not sent on to another origin. Any failure — a status other than 2xx, a body over the
    /// limit, a refused connection, an unknown host, a timeout — is a `SpecLoadError` naming the URL, with the
    /// header values masked.
    public func fetch(_ url: String) async throws(SpecLoadError) -> Document {
        let masker = SecretMasker(
            secrets: options.headers.map { .init(value: $0.value, placeholder: "<\($0.name) header value>") })
        func failure(_ message: String, at shown: String = url) -> SpecLoadError {
            SpecLoadError(uri: masker.mask(shown), message: masker.mask(message))
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw failure("is not an http: or https: URL")
        }
        var current: AbsoluteURL
        do throws(TransportError) {
            current = try AbsoluteURL(url)
        } catch {
            throw failure("is not a usable URL: \(error.message)")
        }
        var headers = options.headers
        var redirected = false
        var hops = 0
        while true {
            let response = try await fetchOnce(
                current, headers: headers, failure: { failure($0, at: redirected ? current.text : url) })
            if [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location") {
                guard hops < options.maxRedirects else {
                    throw failure("more than \(options.maxRedirects) redirects (the last to \(location))")
                }
                hops += 1
                let next: AbsoluteURL
                do throws(TransportError) {
                    next = try current.resolving(location)
                } catch {
                    throw failure("redirects to an unusable Location \(location): \(error.message)")
                }
                // Like curl and browsers: credentials are for the origin the user named.
                if next.origin != current.origin { headers = [] }
                current = next
                redirected = true
                continue
            }
            let shown = redirected ? url + " (redirected to \(current.text))" : url
            guard (200...299).contains(response.status) else {
                let reason = Self.reasons[response.status].map { " " + $0 } ?? ""
                let hint =
                    response.status == 401 || response.status == 403
                    ? " (a document behind auth needs --spec-header)" : ""
                throw failure(
                    "the server answered HTTP \(response.status)\(reason), not the document\(hint)", at: shown)
            }
            guard !response.bodyTruncated else {
                throw failure("is larger than the limit of \(options.maxBytes) bytes (--max-spec-bytes)", at: shown)
            }
            return Document(
                bytes: response.body, contentType: response.header("Content-Type"),
                finalURL: redirected ? current.text : nil)
        }
    }

    /// One GET, no redirects followed.
    private func fetchOnce(
        _ url: AbsoluteURL, headers: [HeaderField], failure: (String) -> SpecLoadError
    ) async throws(SpecLoadError) -> HTTPResponseRecord {
        var transportOptions = TransportOptions(baseURL: url.origin.description)
        transportOptions.concurrency = 1
        transportOptions.timeout = options.timeout
        transportOptions.connectTimeout = min(.seconds(10), options.timeout)
        transportOptions.maxRetries = 1
        transportOptions.honorRetryAfter = false
        transportOptions.maxResponseBytes = options.maxBytes
        transportOptions.caCertificatePath = options.caCertificatePath
        let transport: HTTPTransport
        do throws(TransportError) {
            transport = try HTTPTransport(options: transportOptions)
        } catch {
            throw failure("cannot be fetched: \(error.message)")
        }
        let sent = [HeaderField(name: "Accept", value: "application/json, application/yaml;q=0.9, */*;q=0.5")] + headers
        let exchange = await transport.send(PreparedRequest(method: .get, pathAndQuery: url.target, headers: sent))
        await transport.shutdown()
        switch exchange.result {
        case .failure(let error):
            throw failure("cannot be fetched: \(Self.describe(error))")
        case .success(let record):
            return record
        }
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
        406: "Not Acceptable", 408: "Request Timeout", 410: "Gone", 429: "Too Many Requests",
        500: "Internal Server Error",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
