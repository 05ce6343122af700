/// How much of one operation's documented responses a run saw.
public struct OperationCoverage: Sendable, Hashable {
    public var operationID: String
    /// Documented response keys ("200", "4XX", "default"), most specific first.
    public var documented: [String]
    /// Documented keys some response matched (by its most specific documented key).
    public var observed: [String]
    /// Statuses seen that the operation does not document.
    public var undocumented: [Int]
    /// Enums of the JSON response schemas and the values seen in bodies.
    public var enums: [EnumCoverage]

    public init(
        operationID: String, documented: [String], observed: [String], undocumented: [Int], enums: [EnumCoverage]
    ) {
        self.operationID = operationID
        self.documented = documented
        self.observed = observed
        self.undocumented = undocumented
        self.enums = enums
    }

    /// "2/5".
    public var statusRatio: String { "\(observed.count)/\(documented.count)" }
    public var enumValuesDocumented: Int { enums.reduce(0) { $0 + $1.values.count } }
    public var enumValuesObserved: Int { enums.reduce(0) { $0 + $1.observed.count } }
}
