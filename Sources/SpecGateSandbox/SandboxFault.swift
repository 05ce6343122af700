/// A contract or transport fault the sandbox can be told to commit.
///
/// The conformant sandbox (no faults) gives SpecGate nothing to report; each fault
/// makes exactly one SpecGate check fire. Raw values are the snake_case names used on
/// the command line (`specgate sandbox --fault enum_out_of_set`).
public enum SandboxFault: String, CaseIterable, Sendable, Hashable, Comparable {
    case enumOutOfSet = "enum_out_of_set"
    case missingRequiredField = "missing_required_field"
    case wrongFieldType = "wrong_field_type"
    case nullInNonNullable = "null_in_non_nullable"
    case badDateFormat = "bad_date_format"
    case wrongContentType = "wrong_content_type"
    case undocumentedStatus = "undocumented_status"
    case serverErrorOnInvalidBody = "server_error_on_invalid_body"
    case acceptInvalidBody = "accept_invalid_body"
    case ignoreAuth = "ignore_auth"
    case ignoreAPIVersion = "ignore_api_version"
    case acceptBadPathParam = "accept_bad_path_param"
    case rejectValidInput = "reject_valid_input"
    case slowResponses = "slow_responses"
    case malformedJSON = "malformed_json"
    case badRateLimitHeader = "bad_rate_limit_header"
    case reassignToNonHost = "reassign_to_non_host"
    case resetMidResponse = "reset_mid_response"
    case neverCompletes = "never_completes"
    case truncatedBody = "truncated_body"
    case ignoreQueryArrayEnum = "ignore_query_array_enum"
    case outsiderCanReadBooking = "outsider_can_read_booking"
    case outsiderCanDeclineBooking = "outsider_can_decline_booking"
    case cancelNotPersisted = "cancel_not_persisted"
    // Issue #16 (detection depth): an unrouted method answered 405 without the Allow header RFC 9110 requires.
    case methodNotAllowedWithoutAllow = "method_not_allowed_without_allow"
    case reassignNotPersisted = "reassign_not_persisted"
    case serverErrorOnOptionalProperty = "server_error_on_optional_property"

    /// What the sandbox does differently while the fault is on.
    public var summary: String {
        switch self {
        case .enumOutOfSet:
            return "every success envelope says \"status\":\"succeeded\" (not in the enum)"
        case .missingRequiredField:
            return "booking data lacks the required field \"title\""
        case .wrongFieldType:
            return "booking \"id\" (and reassignedTo.id) sent as a string, e.g. \"123\""
        case .nullInNonNullable:
            return "booking \"location\" sent as null (not nullable)"
        case .badDateFormat:
            return "booking \"start\" sent as \"yesterday\" (not a date-time)"
        case .wrongContentType:
            return "JSON bodies labelled Content-Type: text/plain"
        case .undocumentedStatus:
            return "success answered 202 instead of the documented 200/201"
        case .serverErrorOnInvalidBody:
            return "invalid request bodies answered 500 instead of 400"
        case .acceptInvalidBody:
            return "no request body validation: invalid bodies get 2xx"
        case .ignoreAuth:
            return "missing, malformed or unknown Authorization accepted (acts as the owner)"
        case .ignoreAPIVersion:
            return "missing or wrong cal-api-version header accepted"
        case .acceptBadPathParam:
            return "non-numeric userId path parameter accepted on reassign-to-user"
        case .rejectValidInput:
            return "valid create-booking bodies answered 400"
        case .slowResponses:
            return "every response delayed by the slow delay (default 1.5 s)"
        case .malformedJSON:
            return "success bodies cut short: {\"status\":\"success\",\"data\":"
        case .badRateLimitHeader:
            return "X-RateLimit-Remaining-Default sent as \"unlimited\" (not an integer)"
        case .reassignToNonHost:
            return "reassigning to a user who is not a host succeeds instead of 403"
        case .resetMidResponse:
            return "connection closed after part of a success body"
        case .neverCompletes:
            return "success response head sent, then the body never comes"
        case .truncatedBody:
            return "Content-Length larger than the body sent, then the connection closes"
        case .ignoreQueryArrayEnum:
            return
                "an unknown value in the status query array is ignored (status=upcoming,unknown lists upcoming bookings)"
        case .outsiderCanDeclineBooking:
            return "any authenticated user declines a booking (not only its organiser and hosts)"
        case .cancelNotPersisted:
            return "cancelling a booking answers it with status cancelled, but a later read shows it unchanged"
        case .methodNotAllowedWithoutAllow:
            return "a method a served path does not route is answered 405 without an Allow header (not Express's 404)"
        case .reassignNotPersisted:
            return "reassigning a booking answers the new host, but a later read shows the old host"
        case .serverErrorOnOptionalProperty:
            return "rescheduling a booking answers 500 when the optional body property reschedulingReason is present"
        case .outsiderCanReadBooking:
            return
                "any authenticated user reads a booking's calendar links, references, recordings, transcripts and sessions (not only its organiser and hosts)"
        }
    }

    /// Name of the SpecGate check that must report this fault.
    public var expectedCheck: String {
        switch self {
        case .enumOutOfSet, .missingRequiredField, .wrongFieldType, .nullInNonNullable, .badDateFormat,
            .malformedJSON:
            return "response_schema_conformance"
        case .wrongContentType: return "content_type_conformance"
        case .undocumentedStatus: return "status_code_conformance"
        case .serverErrorOnInvalidBody: return "not_a_server_error"
        case .acceptInvalidBody, .ignoreAPIVersion, .acceptBadPathParam, .reassignToNonHost, .ignoreQueryArrayEnum:
            return "negative_data_rejection"
        case .ignoreAuth: return "ignored_auth"
        case .rejectValidInput: return "positive_data_acceptance"
        case .slowResponses: return "max_response_time"
        case .badRateLimitHeader: return "response_headers_conformance"
        case .resetMidResponse, .neverCompletes, .truncatedBody: return "transport_error"
        case .outsiderCanReadBooking, .outsiderCanDeclineBooking: return "cross_user_access"
        case .cancelNotPersisted: return "use_after_delete"
        case .methodNotAllowedWithoutAllow: return "unsupported_method"
        case .reassignNotPersisted: return "resource_persisted"
        case .serverErrorOnOptionalProperty: return "not_a_server_error"
        }
    }

    /// True for faults that break the HTTP exchange itself rather than its content.
    public var isTransport: Bool {
        switch self {
        case .resetMidResponse, .neverCompletes, .truncatedBody: return true
        default: return false
        }
    }

    public static func < (lhs: SandboxFault, rhs: SandboxFault) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
