/// Counts requests per API key in fixed one-minute windows for the `X-RateLimit-*-Default` headers.
/// The sandbox reports the budget but never answers 429, so long SpecGate runs are not disturbed.
actor RateLimitCounter {
    /// Requests per window a key may make.
    static let limit = 1000
    static let windowMilliseconds: Int64 = 60_000
    /// The names Cal.com's API v2 sends for its default throttler (`X-RateLimit-<Field>-<Throttler name>`).
    static let limitHeader = "X-RateLimit-Limit-Default"
    static let remainingHeader = "X-RateLimit-Remaining-Default"
    static let resetHeader = "X-RateLimit-Reset-Default"

    private var windowStart: Int64 = 0
    private var used: [String: Int] = [:]

    /// Records one request for `key`; returns limit, remaining and seconds until the window resets.
    func record(key: String, now: Timestamp) -> (limit: Int, remaining: Int, resetSeconds: Int) {
        let window = now.milliseconds - now.milliseconds % RateLimitCounter.windowMilliseconds
        if window != windowStart {
            windowStart = window
            used = [:]
        }
        let count = (used[key] ?? 0) + 1
        used[key] = count
        let resetMillis = windowStart + RateLimitCounter.windowMilliseconds - now.milliseconds
        return (RateLimitCounter.limit, max(0, RateLimitCounter.limit - count), Int((resetMillis + 999) / 1000))
    }
}
