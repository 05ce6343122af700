import SpecGateJSON

/// An error answer of the sandbox API, rendered as Cal.com's error envelope
/// `{"status":"error","timestamp":…,"path":…,"error":{"code":…,"message":…}}`.
struct APIError: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    /// Set when the error comes from request body validation (the `server_error_on_invalid_body` fault turns these into 500).
    var isBodyValidation = false
    /// Headers the answer carries besides the usual ones (`Allow` on a 405).
    var headers: [(name: String, value: String)] = []

    static func badRequest(_ message: String) -> APIError {
        APIError(status: 400, code: "BadRequestException", message: message)
    }

    static func invalidBody(_ message: String) -> APIError {
        APIError(status: 400, code: "BadRequestException", message: message, isBodyValidation: true)
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(status: 401, code: "UnauthorizedException", message: message)
    }

    static func forbidden(_ message: String) -> APIError {
        APIError(status: 403, code: "ForbiddenException", message: message)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(status: 404, code: "NotFoundException", message: message)
    }

    /// 405 Method Not Allowed; `allowed` nil leaves the Allow header out (the `method_not_allowed_without_allow` fault).
    static func methodNotAllowed(_ method: String, path: String, allowed: [String]?) -> APIError {
        var error = APIError(
            status: 405, code: "MethodNotAllowedException", message: "Method \(method) is not allowed on \(path)")
        if let allowed { error.headers = [("Allow", allowed.joined(separator: ", "))] }
        return error
    }

    static func payloadTooLarge(limit: Int) -> APIError {
        APIError(status: 413, code: "PayloadTooLargeException", message: "request entity larger than \(limit) bytes")
    }

    static func headersTooLarge(limit: Int) -> APIError {
        APIError(
            status: 431, code: "RequestHeaderFieldsTooLargeException",
            message: "request header fields larger than \(limit) bytes")
    }

    /// The JSON error envelope.
    func envelope(path: String, timestamp: Timestamp) -> JSONValue {
        [
            "status": "error",
            "timestamp": .string(timestamp.iso8601),
            "path": .string(path),
            "error": ["code": .string(code), "message": .string(message)],
        ]
    }
}
