/// A request could not produce an HTTP response. This is a result (data), not a thrown error,
/// except from ``HTTPTransport/init(options:)``.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Category of a transport error; extensible like AsyncHTTPClient's `HTTPClientError`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// Nothing listens on the port.
        public static let connectionRefused = Kind("connectionRefused")
        /// Connecting or the whole exchange took longer than allowed.
        public static let timeout = Kind("timeout")
        /// The peer reset or closed the connection before the response was complete.
        public static let connectionReset = Kind("connectionReset")
        /// The bytes received are not a valid HTTP response.
        public static let invalidResponse = Kind("invalidResponse")
        /// TLS handshake or certificate failure, or an unreadable CA file.
        public static let tls = Kind("tls")
        /// More redirects than ``TransportOptions/maxRedirects``, or a redirect cycle.
        public static let tooManyRedirects = Kind("tooManyRedirects")
        /// The calling task was cancelled.
        public static let cancelled = Kind("cancelled")
        /// The request or options cannot be sent (bad base URL, bad header).
        public static let invalidRequest = Kind("invalidRequest")
        /// Anything else (DNS failure, unexpected I/O error).
        public static let other = Kind("other")

        public var description: String { name }

        /// Whether the transport retries this kind (refused, reset, timeout) — for idempotent methods; POST
        /// and PATCH only when the error is ``TransportError/neverSent`` (see ``RetryPolicy``).
        public var isRetryable: Bool { self == .connectionRefused || self == .connectionReset || self == .timeout }
    }

    /// The category.
    public var kind: Kind
    /// Human-readable detail, e.g. the underlying NIO error.
    public var message: String
    /// The request provably never reached the server: no connection was made (refused, connect timeout,
    /// DNS failure, no pooled connection in time). Only such errors are retried for POST and PATCH
    /// (see ``TransportOptions/maxRetries``).
    public var neverSent: Bool

    /// Creates a transport error; `neverSent` only when no connection carried the request.
    public init(kind: Kind, message: String, neverSent: Bool = false) {
        self.kind = kind
        self.message = message
        self.neverSent = neverSent
    }

    public var description: String { "\(kind): \(message)" }
}
