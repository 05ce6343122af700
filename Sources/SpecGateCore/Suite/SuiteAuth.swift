/// How requests authenticate. The secret itself never appears in the suite: it is read from the
/// environment variable `env`, printed by a command, or obtained from an OAuth 2 token endpoint at
/// run time.
///
/// Suite form: `auth: {type: bearer|basic|header|query, header: Authorization, query: api_key,
/// env: CAL_API_KEY, prefix: cal_}`; instead of `env`, `command: [argv…]` (optional `refreshSeconds`)
/// or `oauth2: {tokenURL, clientIdEnv, clientSecretEnv, scopes}`.
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
        /// (when given) or when a request answers 401.
        case command(argv: [String], refreshSeconds: Double?)
        /// A client-credentials grant, cached until `expires_in` minus a margin.
        case oauth2(OAuth2)

        /// True for `env`.
        public var isEnvironment: Bool {
            if case .env = self { return true }
            return false
        }
    }

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

    public init(type: Kind, header: String? = nil, queryName: String? = nil, source: Source, prefix: String? = nil, location: String? = nil) {
        self.type = type
        self.header = type == .query ? header : (header ?? "Authorization")
        self.queryName = queryName
        self.source = source
        self.prefix = prefix
        self.location = location
    }

    /// True when the secret may change during a run (command, oauth2).
    public var isRefreshable: Bool { !source.isEnvironment }

    /// What stands for the secret in generated cases, plans and reports when it is obtained at run
    /// time: `<auth:command>`, `<auth:oauth2>` (with the identity name for extra identities).
    public func placeholder(identity: String? = nil) -> String {
        let scope = identity.map { ":" + $0 } ?? ""
        switch source {
        case .env(let name): return "$" + name
        case .command: return "<auth\(scope):command>"
        case .oauth2: return "<auth\(scope):oauth2>"
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
