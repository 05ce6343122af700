import SpecGateCore

/// A case ready to send, with what judging it needs beyond the case itself.
public struct PlannedCase: Sendable {
    public var operation: Operation
    public var testCase: TestCase
    /// Path parameters whose values the suite fixes for this case (not generated).
    public var fixedParameters: Set<String>
    /// The expected statuses come from the suite and are judged exactly.
    public var exactStatuses: Bool
    /// Workflow `state` assertions (empty for ordinary cases).
    public var stateAssertions: [StateAssertion]

    public init(
        operation: Operation, testCase: TestCase, fixedParameters: Set<String>, exactStatuses: Bool = false,
        stateAssertions: [StateAssertion] = []
    ) {
        self.operation = operation
        self.testCase = testCase
        self.fixedParameters = fixedParameters
        self.exactStatuses = exactStatuses
        self.stateAssertions = stateAssertions
    }
}

/// A prepared workflow: its steps in order.
public struct PlannedWorkflow: Sendable {
    public var name: String
    public var steps: [PlannedCase]

    public init(name: String, steps: [PlannedCase]) {
        self.name = name
        self.steps = steps
    }
}

/// How a resource created through a link is removed afterwards (e.g. `POST …/{bookingUid}/cancel`).
public struct CleanupPlan: Sendable {
    public var parameter: String
    public var operation: Operation
    public var request: PreparedRequest

    public init(parameter: String, operation: Operation, request: PreparedRequest) {
        self.parameter = parameter
        self.operation = operation
        self.request = request
    }
}
