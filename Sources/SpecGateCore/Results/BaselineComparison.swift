/// How a run compared with its baseline: what it suppressed, what no longer occurs, what has expired.
public struct BaselineComparison: Sendable, Hashable {
    /// The baseline file, as given.
    public var path: String
    /// Fingerprints of findings the baseline accepted in this run.
    public var baselined: [String]
    /// Entries not seen in this run (fixed, or not exercised): candidates for removal.
    public var fixed: [BaselineEntry]
    /// Entries past their expiry date; they no longer suppress their finding.
    public var expired: [BaselineEntry]

    public init(path: String, baselined: [String], fixed: [BaselineEntry], expired: [BaselineEntry]) {
        self.path = path
        self.baselined = baselined
        self.fixed = fixed
        self.expired = expired
    }
}
