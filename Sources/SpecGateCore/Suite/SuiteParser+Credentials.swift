import SpecGateJSON

/// The credential source of `auth` and of each identity: exactly one of `env`, `command`, `oauth2`, `login`.
extension SuiteParser {
    /// Keys a credential source may use (besides `auth`'s type, header, query and prefix).
    static let credentialKeys = ["env", "command", "refreshSeconds", "timeout", "oauth2", "login"]

    /// One of `env`, `command` (with optional `refreshSeconds` and `timeout`), `oauth2` or `login` (with
    /// optional `refreshSeconds`) in `map`, and where it is written (`file:line:column: #/pointer`), for
    /// errors met while running it.
    static func credentialSource(
        _ map: JSONObject, at: JSONPointer, _ reader: Reader
    ) throws(SpecLoadError) -> (SuiteAuth.Source, String) {
        let given = ["env", "command", "oauth2", "login"].filter { map[$0] != nil }
        let path = at.tokens.joined(separator: ".")
        guard given.count == 1, let key = given.first else {
            if given.isEmpty {
                throw reader.failure(
                    "`\(path).env` must name the environment variable holding the secret (or use `command`, `oauth2` or `login`)",
                    at: at)
            }
            throw reader.failure(
                "`\(path)` takes one of `env`, `command`, `oauth2` and `login`, not \(given.joined(separator: " and "))",
                at: at)
        }
        let location = reader.location(at.appending(key))
        if map["refreshSeconds"] != nil && key != "command" && key != "login" {
            throw reader.failure(
                "`refreshSeconds` applies to `command` and `login` only", at: at.appending("refreshSeconds"))
        }
        if map["timeout"] != nil && key != "command" {
            throw reader.failure("`timeout` applies to `command` only", at: at.appending("timeout"))
        }
        var refresh: Double?
        if let value = map["refreshSeconds"] {
            guard let seconds = value.doubleValue, seconds > 0 else {
                throw reader.failure("`refreshSeconds` must be a positive number", at: at.appending("refreshSeconds"))
            }
            refresh = seconds
        }
        switch key {
        case "env":
            guard let env = try reader.string(map, "env", at: at), !env.isEmpty else {
                throw reader.failure("`\(path).env` must name the environment variable holding the secret", at: at)
            }
            return (.env(env), location)
        case "command":
            let argv = try reader.strings(map, "command", at: at)
            guard let first = argv.first, !first.isEmpty else {
                throw reader.failure(
                    "`\(path).command` must be a non-empty list: the program, then its arguments",
                    at: at.appending("command"))
            }
            var timeout = SuiteAuth.defaultCommandTimeout
            if let value = map["timeout"] {
                guard let seconds = durationSeconds(value), seconds > 0 else {
                    throw reader.failure(
                        "`timeout` must be a positive duration: 30s, 500ms, 2m or a number of seconds",
                        at: at.appending("timeout"))
                }
                timeout = seconds
            }
            return (.command(argv: argv, refreshSeconds: refresh, timeoutSeconds: timeout), location)
        case "oauth2":
            return (try oauth2(map, at: at, reader), location)
        default:
            return (.login(try login(map, at: at.appending("login"), reader), refreshSeconds: refresh), location)
        }
    }

    private static func oauth2(_ map: JSONObject, at: JSONPointer, _ reader: Reader) throws(SpecLoadError)
        -> SuiteAuth.Source
    {
        let oauthAt = at.appending("oauth2")
        guard let oauth = try reader.object(map, "oauth2", at: at) else {
            throw reader.failure("`oauth2` must be a mapping", at: oauthAt)
        }
        let keys = ["tokenURL", "clientIdEnv", "clientSecretEnv", "scopes"]
        for (member, _) in oauth where !keys.contains(member) {
            throw reader.failure(
                "unknown key \"\(member)\" in `oauth2` (known: \(keys.joined(separator: ", ")))",
                at: oauthAt.appending(member))
        }
        guard let url = try reader.string(oauth, "tokenURL", at: oauthAt),
            url.hasPrefix("http://") || url.hasPrefix("https://")
        else {
            throw reader.failure("`oauth2.tokenURL` must be an http:// or https:// URL", at: oauthAt)
        }
        guard let id = try reader.string(oauth, "clientIdEnv", at: oauthAt), !id.isEmpty,
            let secret = try reader.string(oauth, "clientSecretEnv", at: oauthAt), !secret.isEmpty
        else {
            throw reader.failure(
                "`oauth2` needs `clientIdEnv` and `clientSecretEnv` (environment variable names)", at: oauthAt)
        }
        let scopes = try reader.strings(oauth, "scopes", at: oauthAt)
        return .oauth2(.init(tokenURL: url, clientIdEnv: id, clientSecretEnv: secret, scopes: scopes))
    }

    /// `login: {operation | url, body, capture}`.
    private static func login(_ map: JSONObject, at: JSONPointer, _ reader: Reader) throws(SpecLoadError)
        -> SuiteAuth.Login
    {
        guard case .object(let login) = map["login"] else { throw reader.failure("`login` must be a mapping", at: at) }
        let keys = ["operation", "url", "body", "capture"]
        for (member, _) in login where !keys.contains(member) {
            throw reader.failure(
                "unknown key \"\(member)\" in `login` (known: \(keys.joined(separator: ", ")))",
                at: at.appending(member))
        }
        let target: SuiteAuth.Login.Target
        let targetKey: String
        switch (try reader.string(login, "operation", at: at), try reader.string(login, "url", at: at)) {
        case (let operation?, nil):
            guard !operation.isEmpty else {
                throw reader.failure("`login.operation` must name an operation", at: at.appending("operation"))
            }
            target = .operation(operation)
            targetKey = "operation"
        case (nil, let url?):
            guard url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("/") else {
                throw reader.failure(
                    "`login.url` must be an http:// or https:// URL, or a path starting with /", at: at.appending("url")
                )
            }
            target = .url(url)
            targetKey = "url"
        case (.some, .some):
            throw reader.failure("`login` takes `operation` or `url`, not both", at: at)
        case (nil, nil):
            throw reader.failure("`login` needs `operation` (an operationId or \"POST /path\") or `url`", at: at)
        }
        guard let captureText = try reader.string(login, "capture", at: at) else {
            throw reader.failure(
                "`login.capture` must say where the token is in the answer, e.g. \"$response.body#/data/accessToken\"",
                at: at)
        }
        guard case .responseBody(let capture)? = RuntimeExpression(captureText), !capture.tokens.isEmpty else {
            throw reader.failure(
                "`login.capture` must be $response.body# and a JSON pointer, e.g. \"$response.body#/data/accessToken\" (got \"\(captureText)\")",
                at: at.appending("capture"))
        }
        var body = JSONObject()
        var variables: [SuiteAuth.Login.Variable] = []
        if let given = login["body"] {
            guard case .object(let object) = given else {
                throw reader.failure("`login.body` must be a mapping", at: at.appending("body"))
            }
            body = try template(object, at: at.appending("body"), inBody: .root, variables: &variables, reader)
        }
        return SuiteAuth.Login(
            target: target, targetLocation: reader.location(at.appending(targetKey)), body: body, variables: variables,
            capture: capture)
    }

    /// The body with every `{env: NAME}` member replaced by null and noted in `variables`.
    private static func template(
        _ object: JSONObject, at: JSONPointer, inBody: JSONPointer, variables: inout [SuiteAuth.Login.Variable],
        _ reader: Reader
    ) throws(SpecLoadError) -> JSONObject {
        var result = JSONObject()
        for (key, value) in object {
            guard case .object(let member) = value else {
                result[key] = value
                continue
            }
            if member.count == 1, let env = member["env"] {
                guard case .string(let name) = env, !name.isEmpty else {
                    throw reader.failure(
                        "`env` must name an environment variable", at: at.appending(key).appending("env"))
                }
                variables.append(
                    .init(
                        pointer: inBody.appending(key), env: name,
                        location: reader.location(at.appending(key).appending("env"))))
                result[key] = .null
            } else {
                result[key] = .object(
                    try template(
                        member, at: at.appending(key), inBody: inBody.appending(key), variables: &variables, reader))
            }
        }
        return result
    }

    /// "30s", "500ms", "2m", or a number of seconds.
    static func durationSeconds(_ value: JSONValue) -> Double? {
        if let number = value.doubleValue { return number }
        guard case .string(let text) = value else { return nil }
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count).filter { $0 != " " }) else { return nil }
            return number * scale
        }
        return Double(text)
    }
}
