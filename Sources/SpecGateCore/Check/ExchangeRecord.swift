/// One sent case and what came back: the unit the checks judge. The label's fields read as the record's
/// own (`record.caseID`).
@dynamicMemberLookup
public struct ExchangeRecord: Sendable {
    public enum Outcome: Sendable {
        case response(ObservedResponse)
        /// The exchange failed below HTTP (refused, reset, timeout, …): an error, not a failure.
        case transportError(kind: String, message: String)
    }

    public var operation: Operation
    public var label: CaseLabel
    /// Absolute URL the request went to.
    public var url: String
    public var request: PreparedRequest
    public var outcome: Outcome
    public var attempts: Int
    /// Times the request was re-sent on a fresh connection because the server had closed a kept-alive
    /// one before answering (the transport's stale-connection rule; never an error).
    public var staleRetries = 0

    public init(
        operation: Operation, label: CaseLabel, url: String, request: PreparedRequest, outcome: Outcome,
        attempts: Int = 1
    ) {
        self.operation = operation
        self.label = label
        self.url = url
        self.request = request
        self.outcome = outcome
        self.attempts = attempts
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<CaseLabel, Value>) -> Value { label[keyPath: keyPath] }
}
