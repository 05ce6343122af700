import SpecGateJSON

/// A sequence of requests on one resource, run in order after the other cases (`workflows` in the suite):
///
/// ```yaml
/// workflows:
///   - name: reassign then read back
///     steps:
///       - operation: BookingsController_2024_08_13_createBooking
///       - operation: BookingsController_2024_08_13_reassignBookingToUser
///         parameters: {userId: 103}
///       - operation: BookingsController_2024_08_13_getBooking
///         state: {"/data/hosts/0/id": 103}
/// ```
///
/// Each step sends the operation's first valid request with the step's `parameters` and `values`;
/// path parameters linked to an earlier step's operation take the value captured from its response.
/// Steps are judged like valid cases (`expect` makes the statuses exact) and `state` assertions by
/// `state_consistency`. A step that fails (or cannot be captured from) ends the workflow, with a note.
public struct Workflow: Sendable, Hashable {
    public var name: String
    public var steps: [WorkflowStep]

    public init(name: String, steps: [WorkflowStep]) {
        self.name = name
        self.steps = steps
    }
}

/// One step of a `Workflow`.
public struct WorkflowStep: Sendable, Hashable {
    /// Operation id or `operationId`.
    public var operation: String
    public var parameters: [String: JSONValue]
    public var values: [BodyValue]
    /// Exact statuses; empty: any 2xx.
    public var expect: [Int]
    public var state: [StateAssertion]

    public init(
        operation: String, parameters: [String: JSONValue] = [:], values: [BodyValue] = [], expect: [Int] = [],
        state: [StateAssertion] = []
    ) {
        self.operation = operation
        self.parameters = parameters
        self.values = values
        self.expect = expect
        self.state = state
    }
}
