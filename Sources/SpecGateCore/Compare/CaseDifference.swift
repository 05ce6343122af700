/// One difference between the two targets' answers to a case.
public struct CaseDifference: Sendable, Hashable {
    public var kind: DifferenceKind
    /// One line naming what differs (`status class A 2xx, B 4xx`, `response_schema_conformance fails on B only`).
    public var message: String
    /// The failing check, for a verdict difference.
    public var check: String?
    /// The shape difference, for a shape difference.
    public var shape: ShapeDifference?

    public init(kind: DifferenceKind, message: String, check: String? = nil, shape: ShapeDifference? = nil) {
        self.kind = kind
        self.message = message
        self.check = check
        self.shape = shape
    }
}
