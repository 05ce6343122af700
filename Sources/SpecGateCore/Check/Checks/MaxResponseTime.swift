/// `max_response_time` (opt-in): the full response arrives within a budget.
public struct MaxResponseTime: ResponseCheck {
    public var budgetMilliseconds: Double

    public init(budgetMilliseconds: Double) {
        self.budgetMilliseconds = budgetMilliseconds
    }

    public let name = "max_response_time"
    public let summary = "The full response arrives within the latency budget (opt-in: --max-response-time MS)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        let elapsed = input.response.elapsedMilliseconds
        guard elapsed > budgetMilliseconds else { return [] }
        return [
            CheckViolation(
                message: "response took \(Int(elapsed.rounded())) ms; the budget is \(Int(budgetMilliseconds)) ms",
                expected: "≤ \(Int(budgetMilliseconds)) ms", actual: "\(Int(elapsed.rounded())) ms",
                fingerprintDetail: "slow"
            )
        ]
    }
}
