/// Where a run is, for the progress line.
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var failures: Int
    public var errors: Int
    public var elapsedSeconds: Double
    /// Cases made so far (cases are made as they are sent, not up front).
    public var casesMade: Int = 0
    /// Cases made and not yet finished when the progress was reported (at most the concurrency).
    public var casesInFlight: Int = 0
    /// `total` is exact: every case has been made. Until then it is an upper bound, lowered as each
    /// operation's cases are all made.
    public var totalIsExact: Bool = false

    public var requestsPerSecond: Double { elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0 }
}
