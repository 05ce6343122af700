/// How ``HTTPTransport`` sends requests.
public struct TransportOptions: Sendable, Hashable {
    /// Scheme, authority and optional path prefix, e.g. `http://127.0.0.1:8080/api`; request paths are appended.
    public var baseURL: String
    /// Maximum requests in flight at once (also the connection-pool size per host).
    public var concurrency: Int = 8
    /// Limit for a whole exchange attempt: connecting, sending and reading the full response body.
    public var timeout: Duration = .seconds(10)
    /// Limit for establishing a connection (TCP and TLS).
    public var connectTimeout: Duration = .seconds(5)
    /// Requests per second, evenly spaced (token bucket holding one token); nil = unlimited. Retries count too.
    public var rateLimit: Double?
    /// Retries after transport errors (refused, reset, timeout) — never after an HTTP status, except 429/503 with `Retry-After`.
    /// Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are retried after any of them; POST and
    /// PATCH only when the request provably never reached the server (``TransportError/neverSent``), never
    /// after a timeout or reset once sent, so a slow create is not repeated (see ``RetryPolicy``).
    public var maxRetries: Int = 2
    /// First retry delay; doubles per attempt, with jitter (half fixed, half random) from ``jitterSeed``.
    public var retryBaseDelay: Duration = .milliseconds(100)
    /// Upper bound of a single backoff delay.
    public var maxRetryDelay: Duration = .seconds(10)
    /// Seed of the jitter generator, so retry timing is reproducible.
    public var jitterSeed: UInt64 = 0x5EC6_A7E0
    /// Wait for and retry a 429 or 503 response carrying `Retry-After` (within ``maxRetries``).
    public var honorRetryAfter: Bool = true
    /// Longest `Retry-After` wait; longer values are cut to this.
    public var maxRetryAfter: Duration = .seconds(30)
    /// Response bodies are cut here (``HTTPResponseRecord/bodyTruncated``); the rest is not read.
    public var maxResponseBytes: Int = 10 << 20
    /// PEM file with extra trusted CA certificates (added to the system trust store) for HTTPS.
    public var caCertificatePath: String?
    /// Redirects to follow. The default 0 does not follow any:
    /// a 3xx is returned as it is and judged against the contract, so a redirect loop is one 3xx response.
    /// Above 0, up to this many are followed (cycles allowed) and exceeding the limit is a
    /// `.tooManyRedirects` transport error.
    public var maxRedirects: Int = 0
    /// Forward proxies (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`; see ``ProxySettings/fromEnvironment(_:)``).
    /// The default is none.
    public var proxy = ProxySettings()

    /// Options with defaults for everything but the base URL.
    public init(baseURL: String) {
        self.baseURL = baseURL
    }
}
