import SpecGateCore

/// How one check fared on one operation, as the HTML grid colours it.
public enum HTMLCellState: String, Sendable, CaseIterable {
    case pass, fail, flaky, baselined, error, notRun, disabled

    /// The reason the judge gives a check that applied to no exchange (not a suite-disabled check).
    static let notApplicablePrefix = "not applicable"

    /// The state of `check` in `report` (`nil`: the operation did not run the check).
    public static func of(_ check: CheckResult?, in report: RunReport) -> HTMLCellState {
        guard let check else { return .notRun }
        switch check.status {
        case .passed: return .pass
        case .failed where report.isBaselinedOnly(check): return .baselined
        case .failed where report.isFlakyOnly(check): return .flaky
        case .failed: return .fail
        case .error: return .error
        case .skipped:
            guard let reason = check.reason, !reason.hasPrefix(notApplicablePrefix) else { return .notRun }
            return .disabled
        }
    }

    /// CSS class of the cell.
    public var cssClass: String {
        switch self {
        case .notRun: return "notrun"
        default: return rawValue
        }
    }

    /// The text in the cell.
    public var label: String {
        switch self {
        case .pass: return "pass"
        case .fail: return "FAIL"
        case .flaky: return "flaky"
        case .baselined: return "known"
        case .error: return "error"
        case .notRun: return "n/a"
        case .disabled: return "off"
        }
    }

    /// What the colour means, for the legend and tooltips.
    public var meaning: String {
        switch self {
        case .pass: return "passed"
        case .fail: return "failed"
        case .flaky: return "flaky (passed when re-sent)"
        case .baselined: return "failed, accepted in the baseline"
        case .error: return "transport error"
        case .notRun: return "not run (applied to no exchange)"
        case .disabled: return "disabled by the suite"
        }
    }
}
