import SpecGateJSON

/// An OpenAPI `links` entry on a response: how a later operation takes values from this response.
public struct LinkSpec: Sendable, Hashable {
    public var name: String
    /// Target by `operationId` (or resolved from `operationRef`).
    public var operationId: String?
    public var operationRef: String?
    /// Target parameter name → runtime expression, e.g. `"bookingUid": "$response.body#/data/uid"`.
    public var parameters: [String: String]
    public var requestBody: String?
    public var source: JSONLocation

    public init(
        name: String, operationId: String?, operationRef: String?, parameters: [String: String], requestBody: String?,
        source: JSONLocation
    ) {
        self.name = name
        self.operationId = operationId
        self.operationRef = operationRef
        self.parameters = parameters
        self.requestBody = requestBody
        self.source = source
    }
}
