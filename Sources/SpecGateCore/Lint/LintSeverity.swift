/// How serious a lint finding is. Ordered: `.info` < `.warning` < `.error`.
public enum LintSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: LintSeverity, rhs: LintSeverity) -> Bool { lhs.rank < rhs.rank }
}
