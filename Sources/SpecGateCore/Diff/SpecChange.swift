import SpecGateJSON

/// One difference between two versions of an API contract, classified for clients.
public struct SpecChange: Sendable, Hashable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case operationAdded = "operation-added"
        case operationRemoved = "operation-removed"
        case parameterAdded = "parameter-added"
        case parameterRemoved = "parameter-removed"
        case parameterBecameRequired = "parameter-became-required"
        case parameterBecameOptional = "parameter-became-optional"
        case parameterMoved = "parameter-location-changed"
        case requestBodyAdded = "request-body-added"
        case requestBodyRemoved = "request-body-removed"
        case requestBodyBecameRequired = "request-body-became-required"
        case requestBodyBecameOptional = "request-body-became-optional"
        case requestContentTypeAdded = "request-content-type-added"
        case requestContentTypeRemoved = "request-content-type-removed"
        case responseStatusAdded = "response-status-added"
        case responseStatusRemoved = "response-status-removed"
        case responseContentTypeAdded = "response-content-type-added"
        case responseContentTypeRemoved = "response-content-type-removed"
        case responseHeaderRemoved = "response-header-removed"
        case securityChanged = "security-changed"
        case typeChanged = "type-changed"
        case nullableAdded = "nullable-added"
        case nullableRemoved = "nullable-removed"
        case enumValueAdded = "enum-value-added"
        case enumValueRemoved = "enum-value-removed"
        case enumChanged = "enum-changed"
        case propertyAdded = "property-added"
        case propertyRemoved = "property-removed"
        case propertyBecameRequired = "property-became-required"
        case propertyBecameOptional = "property-became-optional"
        case newRequiredProperty = "new-required-property"
        case constraintTightened = "constraint-tightened"
        case constraintLoosened = "constraint-loosened"
        case compositionChanged = "composition-changed"
    }

    public var severity: ChangeSeverity
    public var kind: Kind
    /// The operation's id (in NEW; in OLD for a removed operation).
    public var operation: String
    /// "POST /v2/bookings".
    public var operationName: String
    /// Where the change is: in NEW, or in OLD for something removed.
    public var location: JSONLocation
    /// One line for people.
    public var message: String

    public init(
        severity: ChangeSeverity, kind: Kind, operation: String, operationName: String, location: JSONLocation,
        message: String
    ) {
        self.severity = severity
        self.kind = kind
        self.operation = operation
        self.operationName = operationName
        self.location = location
        self.message = message
    }

    /// `{"severity", "kind", "operation", "method+path", "pointer", "document", "message"}`.
    public var json: JSONValue {
        [
            "severity": .string(severity.rawValue), "kind": .string(kind.rawValue), "operation": .string(operation),
            "endpoint": .string(operationName), "document": .string(location.document),
            "pointer": .string(location.pointer.description), "message": .string(message),
        ]
    }
}
