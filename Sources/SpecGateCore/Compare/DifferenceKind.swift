/// The kinds of difference `specgate compare` reports, in report order.
public enum DifferenceKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Status classes differ (2xx/3xx/4xx/5xx, transport error, not sent).
    case statusClass = "status_class"
    /// A check fails on one side only.
    case verdict
    /// The JSON bodies differ in fields present, types or enum values.
    case shape

    public static func < (lhs: DifferenceKind, rhs: DifferenceKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
