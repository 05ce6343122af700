/// A check the suite switches off (`checks.disable`), for one operation or for all, with the reason
/// shown wherever the check would have been reported (JUnit skipped message, JSON, console).
///
/// ```yaml
/// checks:
///   disable:
///     - operation: BookingsController_2024_08_13_getBookingRecordings   # optional
///       check: response_headers_conformance
///       reason: "recordings are served by a CDN without rate-limit headers"
/// ```
public struct DisabledCheck: Sendable, Hashable {
    /// Operation id or `operationId`; nil for every operation.
    public var operation: String?
    public var check: String
    public var reason: String

    public init(operation: String?, check: String, reason: String) {
        self.operation = operation
        self.check = check
        self.reason = reason
    }

    /// Whether it switches `check` off for `operation`.
    public func disables(_ check: String, for operation: Operation) -> Bool {
        guard check == self.check else { return false }
        guard let name = self.operation else { return true }
        return name == operation.id || name == operation.operationId
    }
}
