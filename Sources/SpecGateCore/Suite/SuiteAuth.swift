import SpecGateJSON

/// How requests authenticate. The secret itself never appears in the suite: it is read from the
/// environment variable `env`, printed by a command, obtained from an OAuth 2 token endpoint, or
/// captured from a login call at run time.
///
/// Suite form: `auth: {type: bearer|basic|header|query, header: Authorization, query: api_key,
/// env: CAL_API_KEY, prefix: cal_}`; instead of `env`, `command: [argv…]` (optional `refreshSeconds`,
/// `timeout`), `oauth2: {tokenURL, clientIdEnv, clientSecretEnv, scopes}` or
/// `login: {operation | url, body, capture}` (optional `refreshSeconds`), see ``SuiteAuth/Login``.
public struct SuiteAuth: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `<header>: Bearer <secret>`.
        case bearer
        /// `<header>: Basic base64(<secret>)`, the secret being "user:password".
        case basic
        /// `<header>: <secret>`.
        case header
        /// `?<query>=<secret>`.
        case query
    }

    /// An OAuth 2 client-credentials grant (RFC 6749 §4.4).
    public struct OAuth2: Sendable, Hashable {
        /// Absolute URL of the token endpoint (`${VAR}` already expanded).
        public var tokenURL: String
        /// Environment variables holding the client id and secret.
        public var clientIdEnv: String
        public var clientSecretEnv: String
        public var scopes: [String]

        public init(tokenURL: String, clientIdEnv: String, clientSecretEnv: String, scopes: [String] = []) {
            self.tokenURL = tokenURL
            self.clientIdEnv = clientIdEnv
            self.clientSecretEnv = clientSecretEnv
            self.scopes = scopes
        }
    }

    /// Where the secret comes from.
    public enum Source: Sendable, Hashable {
        /// An environment variable, read once.
        case env(String)
        /// A command whose trimmed standard output is the token; run again after `refreshSeconds`
        /// (when given) or when a request answers 401. A command still running after `timeoutSeconds`
        /// is killed (suite `timeout`, default 30 s).
        case command(argv: [String], refreshSeconds: Double?, timeoutSeconds: Double = SuiteAuth.defaultCommandTimeout)
        /// A client-credentials grant, cached until `expires_in` minus a margin.
        case oauth2(OAuth2)
        /// A login call whose JSON answer holds the token (`capture`); sent again after `refreshSeconds`
        /// (when given) or when a request answers 401.
        case login(Login, refreshSeconds: Double?)

        /// True for `env`.
        public var isEnvironment: Bool {
            if case .env = self { return true }
            return false
        }
    }

    /// Seconds a token command may run before it is killed, unless the suite says `timeout`.
    public static let defaultCommandTimeout: Double = 30

    public var type: Kind
    /// Header carrying the credential (bearer, basic, header); defaults to `Authorization`.
    public var header: String?
    /// Query parameter carrying the credential (query).
    public var queryName: String?
    public var source: Source
    /// What a well-formed secret starts with (e.g. `cal_`), used to forge unknown credentials.
    public var prefix: String?
    /// Where the suite declares this source (`suite.yaml:7:3: #/auth/command`), for errors met at run time.
    public var location: String?

    /// Environment variable holding the secret; empty when it comes from a command or token endpoint.
    public var env: String {
        if case .env(let name) = source { return name }
        return ""
    }

    public init(type: Kind, header: String? = nil, queryName: String? = nil, env: String, prefix: String? = nil) {
        self.init(type: type, header: header, queryName: queryName, source: .env(env), prefix: prefix)
    }

    public init(
        type: Kind, header: String? = nil, queryName: String? = nil, source: Source, prefix: String? = nil,
        location: String? = nil
    ) {
        self.type = type
        self.header = type == .query ? header : (header ?? "Authorization")
        self.queryName = queryName
        self.source = source
        self.prefix = prefix
        self.location = location
    }

    /// True when the secret may change during a run (command, oauth2, login).
    public var isRefreshable: Bool { !source.isEnvironment }

    /// What stands for the secret in generated cases, plans and reports when it is obtained at run
    /// time: `<auth:command>`, `<auth:oauth2>` (with the identity name for extra identities).
    public func placeholder(identity: String? = nil) -> String {
        let scope = identity.map { ":" + $0 } ?? ""
        switch source {
        case .env(let name): return "$" + name
        case .command: return "<auth\(scope):command>"
        case .oauth2: return "<auth\(scope):oauth2>"
        case .login: return "<auth\(scope):login>"
        }
    }

    public static func == (lhs: SuiteAuth, rhs: SuiteAuth) -> Bool {
        lhs.type == rhs.type && lhs.header == rhs.header && lhs.queryName == rhs.queryName && lhs.source == rhs.source
            && lhs.prefix == rhs.prefix
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(header)
        hasher.combine(queryName)
        hasher.combine(source)
        hasher.combine(prefix)
    }
}

extension SuiteAuth {
    /// Logging in through an API call (`auth.login`): a JSON `POST` (or the operation's method) whose body
    /// takes its secret values from the environment, answered with JSON holding the token at `capture`.
    ///
    /// ```yaml
    /// login:
    ///   operation: loginUser            # an operationId, or "POST /auth/login"; or url: https://id.example/login
    ///   body: {email: {env: LOGIN_EMAIL}, password: {env: LOGIN_PASSWORD}, remember: false}
    ///   capture: "$response.body#/data/accessToken"
    /// ```
    public struct Login: Sendable, Hashable {
        /// Where the login request goes.
        public enum Target: Sendable, Hashable {
            /// An operation of the spec, by operationId or "METHOD /path", sent to the run's base URL.
            case operation(String)
            /// An absolute URL, or a path ("/auth/login") resolved against the run's base URL.
            case url(String)
        }

        /// A body member whose value is read from the environment (`{env: NAME}`).
        public struct Variable: Sendable, Hashable {
            /// Where the value goes in the body.
            public var pointer: JSONPointer
            public var env: String
            /// Where the suite writes it (`suite.yaml:9:22: #/auth/login/body/password/env`), for errors.
            public var location: String

            public init(pointer: JSONPointer, env: String, location: String) {
                self.pointer = pointer
                self.env = env
                self.location = location
            }
        }

        public var target: Target
        /// Where the suite writes the target (`…: #/auth/login/operation`), for errors.
        public var targetLocation: String
        /// The body as written, each `{env: NAME}` member replaced by `null` (filled from ``variables``).
        public var body: JSONObject
        public var variables: [Variable]
        /// Where the token is in the JSON answer.
        public var capture: JSONPointer

        public init(
            target: Target, targetLocation: String = "", body: JSONObject = JSONObject(), variables: [Variable] = [],
            capture: JSONPointer
        ) {
            self.target = target
            self.targetLocation = targetLocation
            self.body = body
            self.variables = variables
            self.capture = capture
        }

        /// `$response.body#/…`, as the suite writes it.
        public var captureExpression: String { "$response.body" + capture.uriFragment }
    }
}

/// A named extra identity of a suite (`identities: {outsider: {env: CAL_OUTSIDER_API_KEY}}`): another user
/// whose credential is sent the way `auth` sends the owner's. With `optional: true` an unset variable
/// skips what needs the identity (with a note) instead of stopping the run.
public struct SuiteIdentity: Sendable, Hashable {
    public var name: String
    /// The identity's credential: `auth` with this identity's source.
    public var auth: SuiteAuth
    public var optional: Bool

    public init(name: String, auth: SuiteAuth, optional: Bool = false) {
        self.name = name
        self.auth = auth
        self.optional = optional
    }
}
