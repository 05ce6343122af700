/// One accepted finding in a baseline.
public struct BaselineEntry: Sendable, Hashable {
    public var fingerprint: String
    /// Operation id.
    public var operation: String
    public var check: String
    public var message: String
    public var reason: String?
    /// YYYY-MM-DD, the last day the entry suppresses its finding.
    public var expires: String?
    /// YYYY-MM-DD the entry was accepted.
    public var accepted: String

    public init(
        fingerprint: String, operation: String, check: String, message: String, reason: String? = nil,
        expires: String? = nil, accepted: String
    ) {
        self.fingerprint = fingerprint
        self.operation = operation
        self.check = check
        self.message = message
        self.reason = reason
        self.expires = expires
        self.accepted = accepted
    }

    /// True when `today` is after `expires` (both YYYY-MM-DD).
    public func isExpired(today: String) -> Bool {
        guard let expires else { return false }
        return today > expires
    }
}
