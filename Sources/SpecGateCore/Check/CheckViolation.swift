import SpecGateJSON

/// What a check found wrong with one response. The runner turns it into a `Finding`
/// (adding the request, the response excerpt and a fingerprint).
public struct CheckViolation: Sendable, Hashable {
    /// One-line reason, e.g. `status 418 is not documented (documented: 200, 400)`.
    public var message: String
    /// What the contract expects and what was observed, in words.
    public var expected: String?
    public var actual: String?
    /// Where in the response body (JSON Pointer), when it applies.
    public var instancePointer: JSONPointer?
    /// The schema keyword that failed, when it applies.
    public var schemaLocation: JSONLocation?
    /// Stable detail used for deduplication (no values that change from run to run).
    public var fingerprintDetail: String

    public init(
        message: String, expected: String? = nil, actual: String? = nil, instancePointer: JSONPointer? = nil,
        schemaLocation: JSONLocation? = nil, fingerprintDetail: String
    ) {
        self.message = message
        self.expected = expected
        self.actual = actual
        self.instancePointer = instancePointer
        self.schemaLocation = schemaLocation
        self.fingerprintDetail = fingerprintDetail
    }
}
