/// Counts requests per API key in fixed one-minute windows for the `X-RateLimit-*` headers.
/// The sandbox reports the budget but never answers 429, so long SpecGate runs are not disturbed.
actor RateLimitCounter {
    /// Requests per window a key may make.
    static let limit = 1000
    static let windowMilliseconds: Int64 = 60_000

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
