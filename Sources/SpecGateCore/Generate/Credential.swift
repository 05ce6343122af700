/// How requests authenticate: the suite's `auth` with its secret resolved.
public struct Credential: Sendable, Hashable {
    /// Header carrying the credential, e.g. `Authorization`.
    public var header: String
    /// Scheme word before the secret ("Bearer"), or nil to send the secret alone.
    public var scheme: String?
    /// The secret itself; never printed (plans show `$<envVar>` instead).
    public var secret: String
    /// Environment variable the secret came from, e.g. `CAL_API_KEY`.
    public var envVar: String?
    /// Known prefix of valid secrets ("cal_"), used to forge a well-formed but unknown credential.
    public var prefix: String?

    public init(
        header: String = "Authorization", scheme: String? = "Bearer", secret: String, envVar: String? = nil,
        prefix: String? = nil
    ) {
        self.header = header
        self.scheme = scheme
        self.secret = secret
        self.envVar = envVar
        self.prefix = prefix
    }

    /// The header value for a secret: "Bearer <secret>".
    public func headerValue(secret: String) -> String {
        scheme.map { $0 + " " + secret } ?? secret
    }

    /// The real header value.
    public var headerValue: String { headerValue(secret: secret) }
}
