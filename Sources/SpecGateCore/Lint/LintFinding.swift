import SpecGateJSON

/// One problem a lint rule found in an API description.
public struct LintFinding: Sendable, Hashable, Comparable {
    /// The rule's id, e.g. `invalid-pattern`.
    public var rule: String
    public var severity: LintSeverity
    /// Where the problem is (document URI and JSON Pointer).
    public var location: JSONLocation
    public var message: String
    /// The operation the finding concerns (its `operationId`, or "METHOD /path"), for operation rules.
    public var operationID: String?

    public init(
        rule: String, severity: LintSeverity, location: JSONLocation, message: String, operationID: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.operationID = operationID
    }

    /// Document, then pointer (token by token), then rule and message: a stable, readable order.
    public static func < (lhs: LintFinding, rhs: LintFinding) -> Bool {
        if lhs.location.document != rhs.location.document { return lhs.location.document < rhs.location.document }
        if lhs.location.pointer != rhs.location.pointer { return lhs.location.pointer < rhs.location.pointer }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.operationID ?? "") < (rhs.operationID ?? "")
    }

    /// The finding as a JSON object (`rule`, `severity`, `document`, `pointer`, `message`, `operationId`).
    public var json: JSONValue {
        var object = JSONObject([
            ("rule", .string(rule)), ("severity", .string(severity.rawValue)), ("document", .string(location.document)),
            ("pointer", .string(location.pointer.description)), ("message", .string(message)),
        ])
        if let operationID { object["operationId"] = .string(operationID) }
        return .object(object)
    }
}

extension LintFinding {
    /// The finding as a diagnostic: code `lint.<rule>`, `info` shown as a note.
    public var diagnostic: Diagnostic {
        let severity: Diagnostic.Severity =
            switch self.severity {
            case .info: .note
            case .warning: .warning
            case .error: .error
            }
        return Diagnostic(
            severity, code: "lint." + rule, location: Diagnostic.Location(location),
            message: (operationID.map { $0 + ": " } ?? "") + message)
    }
}
