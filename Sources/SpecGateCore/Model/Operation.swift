import SpecGateJSON

/// One operation (method + path) of an API, with everything needed to generate requests and judge responses.
public struct Operation: Sendable, Hashable, Identifiable {
    /// Stable identifier: the `operationId` when present, otherwise "METHOD /path".
    public var id: String
    public var operationId: String?
    public var method: HTTPMethod
    /// Path template as written, e.g. `/v2/bookings/{bookingUid}`.
    public var path: String
    public var tags: [String]
    public var summary: String?
    public var deprecated: Bool
    /// Path-level and operation-level parameters merged (operation wins on name + location).
    public var parameters: [ParameterSpec]
    public var requestBody: RequestBodySpec?
    /// Sorted: exact codes, then ranges, then default.
    public var responses: [ResponseSpec]
    /// Effective security: the operation's own or the document's; empty means none required.
    public var security: [SecurityRequirement]
    /// The operation object in its document.
    public var source: JSONLocation

    public init(
        id: String, operationId: String?, method: HTTPMethod, path: String, tags: [String] = [], summary: String? = nil,
        deprecated: Bool = false, parameters: [ParameterSpec] = [], requestBody: RequestBodySpec? = nil,
        responses: [ResponseSpec] = [], security: [SecurityRequirement] = [], source: JSONLocation
    ) {
        self.id = id
        self.operationId = operationId
        self.method = method
        self.path = path
        self.tags = tags
        self.summary = summary
        self.deprecated = deprecated
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses.sorted { $0.status < $1.status }
        self.security = security
        self.source = source
    }

    /// "POST /v2/bookings".
    public var displayName: String { method.wireName + " " + path }

    public func parameters(in location: ParameterLocation) -> [ParameterSpec] {
        parameters.filter { $0.location == location }
    }

    /// The response documented for a status: exact code, else its class, else `default`.
    public func response(for status: Int) -> ResponseSpec? {
        responses.first { $0.status.matches(status) }
    }

    /// True when anonymous access is not allowed.
    public var requiresAuth: Bool {
        !security.isEmpty && !security.contains { $0.isAnonymous }
    }
}
