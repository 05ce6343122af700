/// Per operation: how many cases were compared and how many differed, by kind.
public struct OperationComparison: Sendable, Hashable {
    public var operationID: String
    /// `METHOD /path`.
    public var name: String
    public var cases: Int
    /// Cases with at least one difference of each kind.
    public var casesByKind: [DifferenceKind: Int]

    public init(operationID: String, name: String, cases: Int = 0, casesByKind: [DifferenceKind: Int] = [:]) {
        self.operationID = operationID
        self.name = name
        self.cases = cases
        self.casesByKind = casesByKind
    }

    /// Cases with a difference of `kind`.
    public func count(_ kind: DifferenceKind) -> Int { casesByKind[kind] ?? 0 }
}
