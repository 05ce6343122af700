/// A link written in the suite:
///
/// ```yaml
/// links:
///   - from: BookingsController_2024_08_13_createBooking
///     capture: {bookingUid: "$response.body#/data/uid"}
///     to: [BookingsController_2024_08_13_getBooking]   # optional
/// ```
///
/// Without `to`, every operation with a path parameter of a captured name consumes it.
public struct SuiteLink: Sendable, Hashable {
    /// Producer operation (id or `operationId`).
    public var from: String
    /// Parameter name → runtime expression, in suite order.
    public var captures: [Capture]
    /// Consumer operations; empty: every operation with such a path parameter.
    public var to: [String]

    public struct Capture: Sendable, Hashable {
        public var parameter: String
        public var expression: RuntimeExpression

        public init(parameter: String, expression: RuntimeExpression) {
            self.parameter = parameter
            self.expression = expression
        }
    }

    public init(from: String, captures: [Capture], to: [String] = []) {
        self.from = from
        self.captures = captures
        self.to = to
    }
}
