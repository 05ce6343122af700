/// One case sent to both targets: what each answered and where they differ.
public struct CaseComparison: Sendable, Hashable {
    public var operationID: String
    /// `METHOD /path`.
    public var operationName: String
    public var caseID: String
    /// The mutation of an invalid case.
    public var mutation: String?
    public var a: SideOutcome
    public var b: SideOutcome
    /// The request as sent to each target, as a curl command (secrets masked; empty when not sent).
    public var curlA: String
    public var curlB: String
    /// Empty when the targets agree.
    public var differences: [CaseDifference]

    public init(
        operationID: String, operationName: String, caseID: String, mutation: String?, a: SideOutcome, b: SideOutcome,
        curlA: String, curlB: String, differences: [CaseDifference]
    ) {
        self.operationID = operationID
        self.operationName = operationName
        self.caseID = caseID
        self.mutation = mutation
        self.a = a
        self.b = b
        self.curlA = curlA
        self.curlB = curlB
        self.differences = differences
    }

    /// The kinds of difference of this case, in report order.
    public var kinds: [DifferenceKind] {
        DifferenceKind.allCases.filter { kind in differences.contains { $0.kind == kind } }
    }

    /// Where `a` and `b` differ: the status class first; with the same class, checks failing on one side
    /// only and the shape of the JSON bodies (a body's shape is compared only when both are JSON).
    public static func differences(_ a: SideOutcome, _ b: SideOutcome) -> [CaseDifference] {
        if a.statusClass != b.statusClass {
            return [CaseDifference(kind: .statusClass, message: "status class A \(a.statusClass), B \(b.statusClass)")]
        }
        var out: [CaseDifference] = []
        for check in a.failingChecks where !b.failingChecks.contains(check) {
            out.append(CaseDifference(kind: .verdict, message: "\(check) fails on A only", check: check))
        }
        for check in b.failingChecks where !a.failingChecks.contains(check) {
            out.append(CaseDifference(kind: .verdict, message: "\(check) fails on B only", check: check))
        }
        switch (a.shape, b.shape) {
        case (let left?, let right?):
            out += ShapeDifference.between(left, right).map {
                CaseDifference(kind: .shape, message: $0.line, shape: $0)
            }
        case (.some, nil), (nil, .some):
            out.append(
                CaseDifference(
                    kind: .shape,
                    message: "JSON body on \(a.shape == nil ? "B" : "A") only",
                    shape: ShapeDifference(
                        pointer: "", kind: a.shape == nil ? .onlyInB : .onlyInA,
                        a: a.shape.map { _ in ["json"] } ?? [], b: b.shape.map { _ in ["json"] } ?? [])))
        case (nil, nil):
            break
        }
        return out
    }
}
