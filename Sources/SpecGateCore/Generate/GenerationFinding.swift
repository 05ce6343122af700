import SpecGateJSON

/// Something generation could not do, reported as data: a schema no value satisfies, a pattern
/// that cannot be generated, an operation whose request cannot be built.
public struct GenerationFinding: Sendable, Hashable, CustomStringConvertible {
    /// The operation being generated for, when known.
    public var operationID: String?
    /// The schema (or parameter) the finding is about.
    public var location: JSONLocation
    /// One line: "schema at <pointer> could not be satisfied: …".
    public var message: String

    public init(operationID: String?, location: JSONLocation, message: String) {
        self.operationID = operationID
        self.location = location
        self.message = message
    }

    public var description: String {
        (operationID.map { $0 + ": " } ?? "") + message
    }
}

extension GenerationFinding {
    /// The finding as a warning (code `generate.unsatisfied`) at the schema it is about.
    public var diagnostic: Diagnostic {
        .warning("generate.unsatisfied", description, at: Diagnostic.Location(location))
    }
}
