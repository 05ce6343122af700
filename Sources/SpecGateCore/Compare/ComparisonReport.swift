/// The result of `specgate compare`: the same cases sent to two targets, and where they differ.
public struct ComparisonReport: Sendable {
    public var toolVersion: String
    public var suite: String
    public var specTitle: String
    /// Base URLs of A and B (secrets masked).
    public var baseURLA: String
    public var baseURLB: String
    public var seed: UInt64
    public var startedAt: String
    public var durationMilliseconds: Double
    public var checks: [String]
    /// Every compared operation, in sending order.
    public var operations: [OperationComparison]
    /// The cases that differ, in sending order (cases first, then workflow steps).
    public var differing: [CaseComparison]
    /// Cases compared (workflow steps included).
    public var comparedCases: Int
    /// Requests each target got (producers and clean-ups included) and how many ended in a transport error.
    public var requestsA: Int
    public var requestsB: Int
    public var transportErrorsA: Int
    public var transportErrorsB: Int
    /// Interrupted before every case was compared.
    public var incomplete: Bool
    /// Notes and warnings (one list for the console, JSON and JUnit reports).
    public var diagnostics: [Diagnostic]
    /// The diagnostics as one-line texts (appending adds notes; see `RunReport.notes`).
    public var notes: [String] {
        get { diagnostics.lines }
        set { diagnostics.lines = newValue }
    }

    public init(
        toolVersion: String, suite: String, specTitle: String, baseURLA: String, baseURLB: String, seed: UInt64,
        startedAt: String, durationMilliseconds: Double, checks: [String], operations: [OperationComparison],
        differing: [CaseComparison], comparedCases: Int, requestsA: Int, requestsB: Int, transportErrorsA: Int,
        transportErrorsB: Int, incomplete: Bool = false, diagnostics: [Diagnostic] = []
    ) {
        self.toolVersion = toolVersion
        self.suite = suite
        self.specTitle = specTitle
        self.baseURLA = baseURLA
        self.baseURLB = baseURLB
        self.seed = seed
        self.startedAt = startedAt
        self.durationMilliseconds = durationMilliseconds
        self.checks = checks
        self.operations = operations
        self.differing = differing
        self.comparedCases = comparedCases
        self.requestsA = requestsA
        self.requestsB = requestsB
        self.transportErrorsA = transportErrorsA
        self.transportErrorsB = transportErrorsB
        self.incomplete = incomplete
        self.diagnostics = diagnostics
    }

    /// Differences over every case.
    public var differenceCount: Int { differing.reduce(0) { $0 + $1.differences.count } }

    /// A target is unreachable when every request sent to it ended in a transport error.
    public var unreachableA: Bool { requestsA > 0 && transportErrorsA == requestsA }
    public var unreachableB: Bool { requestsB > 0 && transportErrorsB == requestsB }

    /// 3 when a target is unreachable, 1 when the targets differ, 0 when they agree.
    public var exitCode: Int32 {
        if unreachableA || unreachableB { return 3 }
        return differing.isEmpty ? 0 : 1
    }
}
