import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// `auth.login` resolved for one target: the request that logs in (method, absolute URL, headers) and where
/// the token is in its answer. The body's `{env: NAME}` values are filled in as it is sent; they and the
/// captured token are secrets (masked in every output), and the login exchange itself is never recorded.
struct LoginRequest: Sendable {
    var method: HTTPMethod
    var url: String
    var headers: [HeaderField]
    var login: SuiteAuth.Login

    /// Where `login` goes on the target at `baseURL`: the spec operation it names (sent with the suite's fixed
    /// headers), or its URL (a path is resolved against `baseURL` and gets the fixed headers too). Throws,
    /// naming the suite line, for an operation the spec does not have or one that takes path parameters.
    static func resolve(
        _ login: SuiteAuth.Login, spec: APISpec, baseURL: String, fixedHeaders: [HeaderField]
    ) throws(RunError) -> LoginRequest {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let json = [
            HeaderField(name: "Content-Type", value: "application/json"),
            HeaderField(name: "Accept", value: "application/json"),
        ]
        switch login.target {
        case .operation(let name):
            guard let operation = spec.operation(id: name) ?? spec.operations.first(where: { $0.displayName == name })
            else {
                throw RunError(
                    "\(login.targetLocation): login: no operation \(name) in the spec (give an operationId or \"POST /path\", or use `url`)"
                )
            }
            if !operation.parameters(in: .path).isEmpty {
                throw RunError(
                    "\(login.targetLocation): login: \(operation.displayName) takes path parameters; give its `url` instead"
                )
            }
            return LoginRequest(
                method: operation.method, url: base + operation.path, headers: fixedHeaders + json, login: login)
        case .url(let url):
            if url.hasPrefix("/") {
                return LoginRequest(method: .post, url: base + url, headers: fixedHeaders + json, login: login)
            }
            return LoginRequest(method: .post, url: url, headers: json, login: login)
        }
    }

    /// The first body variable not set in `environment`, as an error naming its suite line.
    static func missingVariable(_ login: SuiteAuth.Login, environment: [String: String]) -> RunError? {
        guard let missing = login.variables.first(where: { (environment[$0.env] ?? "").isEmpty }) else { return nil }
        return RunError("\(missing.location): login: $\(missing.env) is not set")
    }

    /// The environment values the login sends (secrets), by variable name.
    static func secretValues(_ login: SuiteAuth.Login, environment: [String: String]) -> [(env: String, value: String)]
    {
        login.variables.compactMap { variable in
            guard let value = environment[variable.env], !value.isEmpty else { return nil }
            return (variable.env, value)
        }
    }

    /// Logs in; the token is the non-empty string at `capture` of a 2xx JSON answer. Errors never quote
    /// the bodies (they hold the secrets).
    func send(environment: [String: String], transportOptions: TransportOptions) async -> Result<String, RunError> {
        if let missing = Self.missingVariable(login, environment: environment) { return .failure(missing) }
        var body = JSONValue.object(login.body)
        for variable in login.variables {
            body = body.replacing(at: variable.pointer.tokens[...], with: .string(environment[variable.env] ?? ""))
        }
        let what = "login: \(method.wireName)"
        let sent = await CredentialRequest.send(
            method, url, headers: headers, body: Array(JSONWriter.compact(body).utf8), what: what,
            transportOptions: transportOptions)
        let response: HTTPResponseRecord
        do {
            response = try sent.get()
        } catch {
            return .failure(error)
        }
        guard let json = try? JSONParser().parse(response.body) else {
            return .failure(RunError("\(what) \(url) answered \(response.status) without JSON"))
        }
        guard let token = json.value(at: login.capture)?.stringValue, !token.isEmpty else {
            return .failure(
                RunError(
                    "\(what) \(url) answered \(response.status) without a string at \(login.captureExpression) (`capture`)"
                ))
        }
        return .success(token)
    }
}

extension JSONValue {
    /// This value with the member at `tokens` (inside objects) set to `value`; missing objects are made.
    fileprivate func replacing(at tokens: ArraySlice<String>, with value: JSONValue) -> JSONValue {
        guard let first = tokens.first else { return value }
        var object: JSONObject
        if case .object(let existing) = self { object = existing } else { object = JSONObject() }
        object[first] = (object[first] ?? .null).replacing(at: tokens.dropFirst(), with: value)
        return .object(object)
    }
}
