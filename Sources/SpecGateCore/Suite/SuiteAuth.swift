/// How requests authenticate. The secret itself never appears in the suite: it is read from the
/// environment variable `env` at run time.
///
/// Suite form: `auth: {type: bearer|basic|header|query, header: Authorization, query: api_key,
/// env: CAL_API_KEY, prefix: cal_}`.
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

    public var type: Kind
    /// Header carrying the credential (bearer, basic, header); defaults to `Authorization`.
    public var header: String?
    /// Query parameter carrying the credential (query).
    public var queryName: String?
    /// Environment variable holding the secret.
    public var env: String
    /// What a well-formed secret starts with (e.g. `cal_`), used to forge unknown credentials.
    public var prefix: String?

    public init(type: Kind, header: String? = nil, queryName: String? = nil, env: String, prefix: String? = nil) {
        self.type = type
        self.header = type == .query ? header : (header ?? "Authorization")
        self.queryName = queryName
        self.env = env
        self.prefix = prefix
    }
}
