/// `max_response_time` (opt-in): the whole exchange fits a budget. It judges the total time: connecting
/// (when the request opened a connection), sending, waiting for the first byte and reading the whole
/// body, the figure the reports call `totalMs`.
public struct MaxResponseTime: ResponseCheck {
    public var budgetMilliseconds: Double

    public init(budgetMilliseconds: Double) {
        self.budgetMilliseconds = budgetMilliseconds
    }

    public let name = "max_response_time"
    public let summary =
        "The whole exchange (connect when new, time to first byte, body) fits the latency budget (opt-in: --max-response-time MS)."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        let elapsed = input.response.elapsedMilliseconds
        guard elapsed > budgetMilliseconds else { return [] }
        return [
            CheckViolation(
                message:
                    "response took \(Int(elapsed.rounded())) ms in total\(Self.breakdown(input.response)); the budget is \(Int(budgetMilliseconds)) ms",
                expected: "≤ \(Int(budgetMilliseconds)) ms", actual: "\(Int(elapsed.rounded())) ms",
                fingerprintDetail: "slow"
            )
        ]
    }

    /// " (connect 3 ms, first byte 120 ms)" where the parts are known.
    static func breakdown(_ response: ObservedResponse) -> String {
        var parts: [String] = []
        if let connect = response.connectMilliseconds { parts.append("connect \(Int(connect.rounded())) ms") }
        if let firstByte = response.firstByteMilliseconds { parts.append("first byte \(Int(firstByte.rounded())) ms") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}
