/// Shares one ``TokenBucket`` between concurrent senders; callers sleep outside the actor.
actor RateLimiter {
    private var bucket: TokenBucket
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// `requestsPerSecond` evenly spaced requests (bucket of one token).
    init(requestsPerSecond: Double) {
        origin = clock.now
        bucket = TokenBucket(rate: requestsPerSecond)
    }

    /// Reserves the next slot and returns the wait until it.
    func reserve() -> Duration {
        bucket.reserve(now: clock.now - origin)
    }

    /// Waits for the next slot; throws `CancellationError` if the task is cancelled meanwhile.
    nonisolated func acquire() async throws {
        let wait = await reserve()
        if wait > .zero {
            try await Task.sleep(for: wait)
        }
    }
}
