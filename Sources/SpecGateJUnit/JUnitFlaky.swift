/// A failed attempt of a test case that was retried (Surefire `flakyFailure`).
///
/// Both schemas accept `flakyFailure` inside `testcase`; Surefire requires a `stackTrace` child,
/// junit-10.xsd requires the `type` attribute, so both are always written.
public struct JUnitFlaky: Sendable, Hashable {
    /// `message` attribute.
    public var message: String
    /// `type` attribute.
    public var type: String
    /// Text of the `stackTrace` child (details of the failed attempt).
    public var details: String
    /// Optional `system-out` of the attempt.
    public var systemOut: String?

    /// Creates a flaky-attempt record.
    public init(message: String, type: String, details: String = "", systemOut: String? = nil) {
        self.message = message
        self.type = type
        self.details = details
        self.systemOut = systemOut
    }
}
