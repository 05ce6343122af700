/// Where a run is, for the progress line.
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var failures: Int
    public var errors: Int
    public var elapsedSeconds: Double

    public var requestsPerSecond: Double { elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0 }
}
