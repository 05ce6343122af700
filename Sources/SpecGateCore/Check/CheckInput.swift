import SpecGateJSON

/// Everything a check needs to judge one exchange: the operation, what the case claimed, and the response.
public struct CheckInput: Sendable {
    public var operation: Operation
    public var caseID: String
    /// True for a valid case (the server should accept it), false for an invalid one.
    public var expectsSuccess: Bool
    /// The mutation's name for an invalid case (e.g. `missing-authorization`).
    public var mutation: String?
    /// Statuses the case's label allows; empty means "any 2xx" for valid and "any 4xx" for invalid cases.
    public var expectedStatuses: [Int]
    /// True when the case only changes credentials (missing, malformed or unknown): judged by `ignored_auth`.
    public var isAuthMutation: Bool
    /// True when some path parameter was generated rather than taken from the suite or a link,
    /// so a 404 for a valid case is an acceptable answer (the resource need not exist).
    public var pathParametersGenerated: Bool
    public var response: ObservedResponse

    public init(
        operation: Operation, caseID: String, expectsSuccess: Bool, mutation: String? = nil, expectedStatuses: [Int] = [],
        isAuthMutation: Bool = false, pathParametersGenerated: Bool = false, response: ObservedResponse
    ) {
        self.operation = operation
        self.caseID = caseID
        self.expectsSuccess = expectsSuccess
        self.mutation = mutation
        self.expectedStatuses = expectedStatuses
        self.isAuthMutation = isAuthMutation
        self.pathParametersGenerated = pathParametersGenerated
        self.response = response
    }
}
