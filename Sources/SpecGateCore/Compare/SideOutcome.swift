/// What one target answered to a case, as the comparison sees it.
public struct SideOutcome: Sendable, Hashable {
    /// The HTTP status, nil for a transport error or a request that was not sent.
    public var status: Int?
    /// `refused: …` etc. when the exchange failed below HTTP (secrets masked).
    public var transportError: String?
    /// Checks that failed on this exchange, in catalog order.
    public var failingChecks: [String]
    /// First message of each failing check (secrets masked), same order.
    public var failureMessages: [String]
    /// The body's shape when it was JSON.
    public var shape: ResponseShape?

    public init(
        status: Int?, transportError: String? = nil, failingChecks: [String] = [], failureMessages: [String] = [],
        shape: ResponseShape? = nil
    ) {
        self.status = status
        self.transportError = transportError
        self.failingChecks = failingChecks
        self.failureMessages = failureMessages
        self.shape = shape
    }

    /// A request the target never got (its workflow stopped earlier).
    public static let notSent = SideOutcome(status: nil, transportError: nil)

    /// `2xx`, `4xx`, `5xx`, `transport error` or `not sent`.
    public var statusClass: String {
        if let status { return "\(status / 100)xx" }
        return transportError == nil ? "not sent" : "transport error"
    }

    /// One line: `201 (2xx)`, `transport error: refused`, with the failing checks.
    public var summary: String {
        var text = status.map { "\($0)" } ?? statusClass
        if let transportError { text += ": " + transportError }
        if !failingChecks.isEmpty { text += "; fails " + failingChecks.joined(separator: ", ") }
        return text
    }
}
