/// One `testsuite` element.
///
/// Both target schemas are satisfied: junit-10.xsd (Jenkins xunit) for the whole document and
/// Surefire 3.0.2 for each `testsuite` element. Surefire allows neither a `hostname` attribute nor
/// suite-level `system-out`/`system-err`, so those are written as the reserved properties
/// ``JUnitTestSuite/hostnameProperty``, ``JUnitTestSuite/systemOutProperty`` and
/// ``JUnitTestSuite/systemErrProperty`` (after the caller's own properties).
public struct JUnitTestSuite: Sendable {
    /// Property name carrying ``hostname``.
    public static let hostnameProperty = "hostname"
    /// Property name carrying suite-level ``systemOut``.
    public static let systemOutProperty = "system-out"
    /// Property name carrying suite-level ``systemErr``.
    public static let systemErrProperty = "system-err"

    /// Suite name (`name` attribute).
    public var name: String
    /// Start time as an `xs:dateTime` lexical value, e.g. `2026-03-01T12:00:00` (see ``JUnitTimestamp``).
    /// Empty: the attribute is omitted.
    public var timestamp: String
    /// Host the suite ran on; written as a property (see the type's documentation).
    public var hostname: String?
    /// Duration in seconds; written with at most 3 decimals.
    public var time: Double
    /// Name/value pairs written as `properties` › `property`, in order.
    public var properties: [(name: String, value: String)]
    /// The test cases, in document order. Duplicate names are made unique when written.
    public var testCases: [JUnitTestCase]
    /// Suite-level standard output; written as a property (see the type's documentation).
    public var systemOut: String?
    /// Suite-level standard error; written as a property (see the type's documentation).
    public var systemErr: String?

    /// Creates a suite.
    public init(
        name: String,
        timestamp: String = "",
        hostname: String? = nil,
        time: Double = 0,
        properties: [(name: String, value: String)] = [],
        testCases: [JUnitTestCase] = [],
        systemOut: String? = nil,
        systemErr: String? = nil
    ) {
        self.name = name
        self.timestamp = timestamp
        self.hostname = hostname
        self.time = time
        self.properties = properties
        self.testCases = testCases
        self.systemOut = systemOut
        self.systemErr = systemErr
    }

    /// Number of test cases.
    public var tests: Int { testCases.count }
    /// Number of test cases with a `.failure` outcome.
    public var failures: Int { testCases.filter { if case .failure = $0.outcome { true } else { false } }.count }
    /// Number of test cases with an `.error` outcome.
    public var errors: Int { testCases.filter { if case .error = $0.outcome { true } else { false } }.count }
    /// Number of test cases with a `.skipped` outcome.
    public var skipped: Int { testCases.filter { if case .skipped = $0.outcome { true } else { false } }.count }
}
