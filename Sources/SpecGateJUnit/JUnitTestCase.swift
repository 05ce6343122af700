/// One `testcase` element.
public struct JUnitTestCase: Sendable {
    /// `classname` attribute (for SpecGate: the operation, e.g. `GET /v2/bookings`).
    public var classname: String
    /// `name` attribute; unique within its suite once written.
    public var name: String
    /// Duration in seconds; written with at most 3 decimals.
    public var time: Double
    /// Passed, failed, in error or skipped.
    public var outcome: JUnitOutcome
    /// Captured output (`system-out`).
    public var systemOut: String?
    /// Captured error output (`system-err`).
    public var systemErr: String?
    /// Failed attempts before the final outcome (Surefire `flakyFailure`).
    public var flakyFailures: [JUnitFlaky]

    /// Creates a test case.
    public init(
        classname: String,
        name: String,
        time: Double = 0,
        outcome: JUnitOutcome = .passed,
        systemOut: String? = nil,
        systemErr: String? = nil,
        flakyFailures: [JUnitFlaky] = []
    ) {
        self.classname = classname
        self.name = name
        self.time = time
        self.outcome = outcome
        self.systemOut = systemOut
        self.systemErr = systemErr
        self.flakyFailures = flakyFailures
    }
}
