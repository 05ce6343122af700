/// How a contract change affects existing clients.
public enum ChangeSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Existing clients may stop working: a request they send is now refused, or a response no
    /// longer has the shape they read (strict clients included).
    case breaking
    /// Existing clients keep working.
    case nonBreaking = "non-breaking"

    public static func < (lhs: ChangeSeverity, rhs: ChangeSeverity) -> Bool {
        lhs == .breaking && rhs == .nonBreaking
    }
}
