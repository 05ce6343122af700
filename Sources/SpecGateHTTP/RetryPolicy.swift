import SpecGateCore

/// Which failed attempts ``HTTPTransport`` repeats (within ``TransportOptions/maxRetries``).
///
/// Idempotent methods (RFC 9110 §9.2.2: GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are retried after a
/// retryable transport error (refused, reset, timeout) and after any error that provably happened
/// before the request was sent (``TransportError/neverSent``: refused, connect timeout, DNS). POST and
/// PATCH are retried only in the second case: after a timeout or a reset the server may already have
/// acted on the request (created a booking), and repeating it could do so twice.
enum RetryPolicy {
    /// Whether repeating a request with this method has the same effect as sending it once.
    static func isIdempotent(_ method: HTTPMethod) -> Bool {
        method != .post && method != .patch
    }

    /// Whether an attempt of `method` that ended in `error` may be repeated.
    static func mayRetry(_ error: TransportError, method: HTTPMethod) -> Bool {
        if error.neverSent { return true }
        return error.kind.isRetryable && isIdempotent(method)
    }

    /// Why a retryable error was not retried for `method` (shown in the error message), or nil.
    static func withheld(_ error: TransportError, method: HTTPMethod) -> String? {
        guard error.kind.isRetryable, !mayRetry(error, method: method) else { return nil }
        return "not retried: \(method.wireName) is not idempotent and the request may have reached the server"
    }
}
