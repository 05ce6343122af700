/// One sent case and what came back: the unit the checks judge.
public struct ExchangeRecord: Sendable {
    public enum Outcome: Sendable {
        case response(ObservedResponse)
        /// The exchange failed below HTTP (refused, reset, timeout, …): an error, not a failure.
        case transportError(kind: String, message: String)
    }

    public var operation: Operation
    public var caseID: String
    public var expectsSuccess: Bool
    public var mutation: String?
    public var expectedStatuses: [Int]
    public var isAuthMutation: Bool
    public var pathParametersGenerated: Bool
    /// Absolute URL the request went to.
    public var url: String
    public var request: PreparedRequest
    public var outcome: Outcome
    public var attempts: Int

    public init(
        operation: Operation, caseID: String, expectsSuccess: Bool, mutation: String?, expectedStatuses: [Int],
        isAuthMutation: Bool, pathParametersGenerated: Bool, url: String, request: PreparedRequest, outcome: Outcome,
        attempts: Int = 1
    ) {
        self.operation = operation
        self.caseID = caseID
        self.expectsSuccess = expectsSuccess
        self.mutation = mutation
        self.expectedStatuses = expectedStatuses
        self.isAuthMutation = isAuthMutation
        self.pathParametersGenerated = pathParametersGenerated
        self.url = url
        self.request = request
        self.outcome = outcome
        self.attempts = attempts
    }
}
