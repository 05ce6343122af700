import SpecGateCore

/// What a run sends for one operation, before any case is made: the generator makes its cases on
/// demand (``CaseFeed``); the suite's scenario cases (one each) are built up front.
public struct OperationPlan: Sendable {
    public var operation: Operation
    /// Generated valid cases answer with exactly the statuses a suite expectation gives.
    public var exactValidStatuses: Bool
    /// Suite expectations for mutations of this operation (the last matching one wins).
    public var mutationExpectations: [SuiteExpectation]
    /// Scenario expectation cases, sent after the generated ones.
    public var scenarios: [PlannedCase]
    /// Notes of scenarios that could not be built.
    public var scenarioNotes: [String]
    /// Most cases the operation can have: generated (valid up to `--valid-cases`, all up to
    /// `--max-cases`) plus scenarios. The exact count is known once its cases are made.
    public var caseBound: Int

    public init(
        operation: Operation, exactValidStatuses: Bool, mutationExpectations: [SuiteExpectation],
        scenarios: [PlannedCase],
        scenarioNotes: [String], caseBound: Int
    ) {
        self.operation = operation
        self.exactValidStatuses = exactValidStatuses
        self.mutationExpectations = mutationExpectations
        self.scenarios = scenarios
        self.scenarioNotes = scenarioNotes
        self.caseBound = caseBound
    }

    /// A generated case as the run sends it: suite expectations applied.
    public func planned(_ testCase: TestCase, fixedParameters: Set<String>) -> PlannedCase {
        var planned = PlannedCase(operation: operation, testCase: testCase, fixedParameters: fixedParameters)
        if exactValidStatuses && testCase.kind == .valid { planned.exactStatuses = true }
        if let mutation = testCase.mutation,
            let expectation = mutationExpectations.last(where: { $0.kind == .mutation(mutation) })
        {
            planned.testCase.expected = .rejected(statuses: expectation.expect)
            planned.exactStatuses = true
        }
        return planned
    }
}
