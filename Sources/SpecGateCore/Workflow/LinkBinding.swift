/// One stateful link: the consumer operation's path parameter takes its value from a 2xx response of
/// the producer operation (a fresh producer request per consumer case).
public struct LinkBinding: Sendable, Hashable {
    /// Where the link came from; a suite link wins over an OpenAPI link, which wins over inference.
    public enum Origin: String, Sendable, Hashable, Comparable {
        case suite, openAPI = "openapi", inferred

        private var rank: Int {
            switch self {
            case .suite: return 0
            case .openAPI: return 1
            case .inferred: return 2
            }
        }

        public static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.rank < rhs.rank }
    }

    /// Consumer operation id.
    public var consumer: String
    /// The consumer's path parameter.
    public var parameter: String
    /// Producer operation id.
    public var producer: String
    public var expression: RuntimeExpression
    public var origin: Origin

    public init(consumer: String, parameter: String, producer: String, expression: RuntimeExpression, origin: Origin) {
        self.consumer = consumer
        self.parameter = parameter
        self.producer = producer
        self.expression = expression
        self.origin = origin
    }

    /// "bookingUid ← BookingsController_createBooking $response.body#/data/uid (inferred)".
    public var summary: String {
        "\(consumer).\(parameter) ← \(producer) \(expression) (\(origin.rawValue))"
    }
}
