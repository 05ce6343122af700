/// A whole JUnit XML report: the `testsuites` root element and its suites.
///
/// Totals (`tests`, `failures`, `errors`, `skipped`, `time`) are computed from the suites.
public struct JUnitReport: Sendable {
    /// Value of the `name` attribute of `testsuites`.
    public var name: String
    /// The suites, in document order.
    public var suites: [JUnitTestSuite]

    /// Creates a report.
    public init(name: String, suites: [JUnitTestSuite] = []) {
        self.name = name
        self.suites = suites
    }

    /// Number of test cases over all suites.
    public var tests: Int { suites.reduce(0) { $0 + $1.tests } }
    /// Number of failed test cases over all suites.
    public var failures: Int { suites.reduce(0) { $0 + $1.failures } }
    /// Number of test cases in error over all suites.
    public var errors: Int { suites.reduce(0) { $0 + $1.errors } }
    /// Number of skipped test cases over all suites.
    public var skipped: Int { suites.reduce(0) { $0 + $1.skipped } }
    /// Sum of the suites' times, in seconds.
    public var time: Double { suites.reduce(0) { $0 + $1.time } }
}
