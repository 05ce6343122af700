/// A `components.securitySchemes` entry.
public struct SecurityScheme: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case apiKey, http, oauth2, openIdConnect, mutualTLS
    }

    public var name: String
    public var kind: Kind
    /// For `http`: "bearer", "basic", … (lower-cased).
    public var scheme: String?
    /// For `apiKey`: where the key travels and under which name.
    public var location: ParameterLocation?
    public var parameterName: String?

    public init(
        name: String, kind: Kind, scheme: String? = nil, location: ParameterLocation? = nil,
        parameterName: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.scheme = scheme
        self.location = location
        self.parameterName = parameterName
    }
}

/// One alternative of an operation's `security` list: every named scheme must be satisfied.
public struct SecurityRequirement: Sendable, Hashable {
    /// Scheme name → scopes.
    public var schemes: [String: [String]]

    public init(schemes: [String: [String]]) { self.schemes = schemes }

    /// `{}`: anonymous access allowed.
    public var isAnonymous: Bool { schemes.isEmpty }
}
