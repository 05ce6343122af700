import SpecGateJSON

/// An entry of the suite's `expectations` (the expectation policy):
///
/// ```yaml
/// expectations:
///   - operation: BookingsController_2024_08_13_reassignBookingToUser
///     parameters: {userId: 104}     # scenario: an extra case with these values …
///     expect: [403]                 # … which must be answered exactly 403
///   - mutation: path-parameter-wrong-type   # optionally with `operation`
///     expect: [400, 404]            # every such case must be answered 400 or 404
///   - operation: SomeController_get
///     expect: [404]                 # the operation's valid cases are expected to answer 404
/// ```
///
/// Statuses a suite states are judged exactly: another status (a 2xx included) is a failure.
public struct SuiteExpectation: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An extra case (`parameters` and/or `values` given), judged by `negative_data_rejection`.
        case scenario
        /// Every case of a mutation (on one operation, or all).
        case mutation(String)
        /// The valid cases of an operation.
        case operation
    }

    /// Operation id or `operationId`; nil only for mutation expectations on every operation.
    public var operation: String?
    public var kind: Kind
    /// Fixed parameter values of a scenario case.
    public var parameters: [String: JSONValue]
    /// Body values of a scenario case.
    public var values: [BodyValue]
    public var expect: [Int]
    /// Position in `expectations` (names the scenario case).
    public var index: Int

    public init(
        operation: String?, kind: Kind, parameters: [String: JSONValue] = [:], values: [BodyValue] = [], expect: [Int],
        index: Int
    ) {
        self.operation = operation
        self.kind = kind
        self.parameters = parameters
        self.values = values
        self.expect = expect
        self.index = index
    }

    /// Whether it concerns `operation` (mutation expectations without an operation concern all).
    public func concerns(_ operation: Operation) -> Bool {
        guard let name = self.operation else { return true }
        return name == operation.id || name == operation.operationId
    }

    /// "403", "400|404".
    public var label: String { expect.map(String.init).joined(separator: "|") }
}
