import SpecGateCore

/// One request and what became of it.
public struct Exchange: Sendable {
    /// Position of the request in the list given to ``HTTPTransport/sendAll(_:progress:)``.
    public var index: Int
    /// The request as prepared (before joining with the base URL).
    public var request: PreparedRequest
    /// The final response, or the final transport error.
    public var result: Result<HTTPResponseRecord, TransportError>
    /// Attempts made (1 + retries); 0 if the request was never sent (cancelled before launch).
    public var attempts: Int
    /// When the first attempt started (after rate limiting); nil if never sent.
    public var startedAt: ContinuousClock.Instant?
    /// From the first attempt's start to the end of the last, including retry waits.
    public var elapsed: Duration
    /// Times the request was re-sent on a fresh connection because a kept-alive one had been closed by
    /// the server before it answered (never an error; see ``HTTPTransport``).
    public var staleRetries = 0

    /// Creates an exchange record.
    public init(
        index: Int, request: PreparedRequest, result: Result<HTTPResponseRecord, TransportError>,
        attempts: Int, startedAt: ContinuousClock.Instant?, elapsed: Duration
    ) {
        self.index = index
        self.request = request
        self.result = result
        self.attempts = attempts
        self.startedAt = startedAt
        self.elapsed = elapsed
    }

    /// The response, if one was received.
    public var response: HTTPResponseRecord? {
        if case .success(let response) = result { response } else { nil }
    }

    /// The transport error, if no response was received.
    public var error: TransportError? {
        if case .failure(let error) = result { error } else { nil }
    }
}
