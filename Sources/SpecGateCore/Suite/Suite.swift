import SpecGateJSON

/// A parsed suite file: what to test (an OpenAPI document or hand-written endpoints), where,
/// with which credentials and fixed values. See `SuiteParser` for the file format.
public struct Suite: Sendable {
    /// Absolute URI of the suite file.
    public var uri: String
    /// `name`, or the suite's folder name.
    public var name: String
    /// URI of the folder holding the suite file (ends in "/"); relative paths resolve against it.
    public var directoryURI: String
    /// `spec`: the OpenAPI document, relative to the suite file. Nil when `endpoints` is used.
    public var specPath: String?
    /// `overlays`, applied in order, relative to the suite file.
    public var overlays: [String]
    /// `baseURL`; the command line's `--base-url` wins.
    public var baseURL: String?
    /// Fixed headers sent on every request, in order.
    public var headers: [HeaderField]
    public var auth: SuiteAuth?
    /// `identities`: further users, by name, each with its own credential source (type and header as
    /// `auth`); `auth` is the owner. Used by `cross_user_access`.
    public var identities: [SuiteIdentity] = []
    /// Further environment variables and header names whose values are masked in every output.
    public var secrets: [String]
    /// Operations to test (empty: all).
    public var include: OperationFilter
    /// Operations to leave out (empty: none).
    public var exclude: OperationFilter
    /// Fixed parameter values by name or "operationId.name", overriding generation.
    public var parameters: [String: JSONValue]
    /// `values`: fixed request-body values by property name or JSON pointer, optionally per operation.
    public var values: [BodyValue]
    /// Hand-written endpoints in compact form (see `EndpointsCompiler`), instead of `spec`.
    public var endpoints: JSONValue?
    /// `components` for hand-written endpoints (`components.schemas` may be `$ref`'d).
    public var components: JSONObject?
    /// Keys typed by later stages, as written: `links`, `expectations`, `checks`, `workflows`, `budget`, `seed`.
    public var extras: JSONObject
    /// The suite file's bytes, for line numbers in later error messages.
    public var source: [UInt8]

    public init(
        uri: String, name: String, directoryURI: String, specPath: String? = nil, overlays: [String] = [],
        baseURL: String? = nil, headers: [HeaderField] = [], auth: SuiteAuth? = nil,
        secrets: [String] = [], include: OperationFilter = OperationFilter(),
        exclude: OperationFilter = OperationFilter(),
        parameters: [String: JSONValue] = [:], values: [BodyValue] = [], endpoints: JSONValue? = nil,
        components: JSONObject? = nil,
        extras: JSONObject = JSONObject(), source: [UInt8] = []
    ) {
        self.uri = uri
        self.name = name
        self.directoryURI = directoryURI
        self.specPath = specPath
        self.overlays = overlays
        self.baseURL = baseURL
        self.headers = headers
        self.auth = auth
        self.secrets = secrets
        self.include = include
        self.exclude = exclude
        self.parameters = parameters
        self.values = values
        self.endpoints = endpoints
        self.components = components
        self.extras = extras
        self.source = source
    }

    /// Absolute URI of the OpenAPI document, when the suite names one.
    public var specURI: String? { specPath.map { URIReference.resolve($0, against: uri) } }

    /// Absolute URIs of the overlays, in order.
    public var overlayURIs: [String] { overlays.map { URIReference.resolve($0, against: uri) } }

    /// Whether an operation is tested: included and not excluded.
    public func selects(_ operation: Operation) -> Bool {
        include.matches(operation) && (exclude.isEmpty || !exclude.matches(operation))
    }

    /// The fixed value for a parameter: "operationId.name" first, then the bare name.
    public func fixedValue(forParameter name: String, of operation: Operation) -> JSONValue? {
        if let value = parameters[operation.id + "." + name] { return value }
        if let id = operation.operationId, let value = parameters[id + "." + name] { return value }
        return parameters[name]
    }

    /// Every environment variable or header name whose value must be masked: the auth variable
    /// and header, then `secrets`.
    public var secretNames: [String] {
        var names: [String] = []
        if let auth {
            if !auth.env.isEmpty { names.append(auth.env) }
            if let header = auth.header { names.append(header) }
        }
        for identity in identities where !identity.auth.env.isEmpty && !names.contains(identity.auth.env) {
            names.append(identity.auth.env)
        }
        // The environment values a login sends (`{env: LOGIN_PASSWORD}`).
        for source in [auth?.source].compactMap({ $0 }) + identities.map(\.auth.source) {
            guard case .login(let login, _) = source else { continue }
            for variable in login.variables where !names.contains(variable.env) { names.append(variable.env) }
        }
        for name in secrets where !names.contains(name) { names.append(name) }
        return names
    }
}
