/// The one place a `Duration` becomes a number (reports, notes, rates, timeouts).
extension Duration {
    /// The duration in (fractional) milliseconds, as reports show it.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// The duration in (fractional) seconds.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
