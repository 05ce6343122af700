import SpecGateCore

/// Token-bucket arithmetic (pure; time is passed in): `rate` tokens per second, at most `capacity` stored.
/// Reservations may drive the balance negative; the returned wait is when the reserved token exists.
struct TokenBucket: Sendable, Hashable {
    let rate: Double
    let capacity: Double
    private var tokens: Double
    private var last: Duration

    /// A full bucket at time `start`.
    init(rate: Double, capacity: Double = 1, start: Duration = .zero) {
        self.rate = rate
        self.capacity = max(1, capacity)
        self.tokens = max(1, capacity)
        self.last = start
    }

    /// Takes one token at time `now` and returns how long to wait before using it (zero if available).
    mutating func reserve(now: Duration) -> Duration {
        if now > last {
            tokens = min(capacity, tokens + (now - last).seconds * rate)
            last = now
        }
        tokens -= 1
        return tokens >= 0 ? .zero : .seconds(-tokens / rate)
    }
}
