/// The checks SpecGate knows, and the selection `--checks` makes from them.
public struct CheckCatalog: Sendable {
    /// Names of every check, in report order.
    public static let allNames = [
        "not_a_server_error", "status_code_conformance", "content_type_conformance",
        "response_headers_conformance", "response_schema_conformance", "negative_data_rejection",
        "positive_data_acceptance", "ignored_auth", "unsupported_method", "state_consistency", "max_response_time",
        "cross_user_access", "resource_available", "use_after_delete", "resource_persisted",
    ]

    /// Checks on by default (`max_response_time` needs a budget).
    public static let defaultNames = allNames.filter { $0 != "max_response_time" }

    public enum SelectionError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownCheck(String)
        case missingBudget

        public var description: String {
            switch self {
            case .unknownCheck(let name):
                return "unknown check \"\(name)\"; known checks: \(CheckCatalog.allNames.joined(separator: ", "))"
            case .missingBudget:
                return "max_response_time needs a budget: pass --max-response-time MS"
            }
        }
    }

    /// Builds the selected checks. `names` empty → the defaults (plus `max_response_time` when a budget is given).
    public static func select(names: [String], budgetMilliseconds: Double?) throws(SelectionError)
        -> [any ResponseCheck]
    {
        var chosen = names.isEmpty ? defaultNames + (budgetMilliseconds == nil ? [] : ["max_response_time"]) : names
        if names.contains("all") {
            chosen = budgetMilliseconds == nil ? defaultNames : allNames
        }
        var checks: [any ResponseCheck] = []
        for name in allNames where chosen.contains(name) {
            switch name {
            case "not_a_server_error": checks.append(NotAServerError())
            case "status_code_conformance": checks.append(StatusCodeConformance())
            case "content_type_conformance": checks.append(ContentTypeConformance())
            case "response_headers_conformance": checks.append(ResponseHeadersConformance())
            case "response_schema_conformance": checks.append(ResponseSchemaConformance())
            case "negative_data_rejection": checks.append(NegativeDataRejection())
            case "positive_data_acceptance": checks.append(PositiveDataAcceptance())
            case "ignored_auth": checks.append(IgnoredAuth())
            case "unsupported_method": checks.append(UnsupportedMethodRejection())
            case "state_consistency": checks.append(StateConsistency())
            case "cross_user_access": checks.append(CrossUserAccess())
            case "resource_available": checks.append(ResourceAvailable())
            case "use_after_delete": checks.append(UseAfterDelete())
            case "resource_persisted": checks.append(ResourcePersisted())
            case "max_response_time":
                guard let budgetMilliseconds else { throw .missingBudget }
                checks.append(MaxResponseTime(budgetMilliseconds: budgetMilliseconds))
            default: break
            }
        }
        for name in chosen where name != "all" && !allNames.contains(name) {
            throw .unknownCheck(name)
        }
        return checks
    }
}
