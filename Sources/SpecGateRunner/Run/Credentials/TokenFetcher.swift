import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// Obtains one secret from a suite's credential source, everything it needs resolved: the environment,
/// where HTTP requests go, the login request. Errors name the suite line (`location`).
struct TokenFetcher: Sendable {
    let source: SuiteAuth.Source
    /// Where the suite declares the source (`suite.yaml:9:3: #/auth/login`), for errors.
    let location: String
    let environment: [String: String]
    /// Settings for token and login requests (the run's timeout, proxy, CA).
    let transportOptions: TransportOptions
    /// The login request, for `login`.
    let login: LoginRequest?

    func fetch() async -> Result<CredentialProvider.Fetched, RunError> {
        switch source {
        case .env(let name):
            guard let value = environment[name], !value.isEmpty else {
                return .failure(RunError("\(location): $\(name) is not set"))
            }
            return .success(.init(token: value, lifetime: nil))
        case .command(let argv, let refreshSeconds, let timeoutSeconds):
            return await TokenCommand.run(argv, environment: environment, timeout: Self.duration(timeoutSeconds))
                .map { .init(token: $0, lifetime: refreshSeconds.map(Self.duration)) }
                .mapError { RunError("\(location): the token command \($0.message)") }
        case .oauth2(let grant):
            return await OAuth2Grant.clientCredentials(
                grant, environment: environment, transportOptions: transportOptions
            )
            .mapError { RunError("\(location): \($0.message)") }
        case .login(_, let refreshSeconds):
            guard let login else { return .failure(RunError("\(location): login: the login request is not resolved")) }
            return await login.send(environment: environment, transportOptions: transportOptions)
                .map { .init(token: $0, lifetime: refreshSeconds.map(Self.duration)) }
                .mapError { RunError("\(location): \($0.message)") }
        }
    }

    static func duration(_ seconds: Double) -> Duration { .milliseconds(Int64(seconds * 1000)) }
}

/// One request to an absolute URL outside the run's transport (token endpoints, login calls).
enum CredentialRequest {
    /// Sends `method url` with `headers` and `body`: the answer when it is 2xx, else an error (`what` names the
    /// endpoint: "oauth2: token endpoint"). Errors never quote a body (it may hold secrets).
    static func send(
        _ method: HTTPMethod, _ url: String, headers: [HeaderField], body: [UInt8]?, what: String,
        transportOptions: TransportOptions
    ) async -> Result<HTTPResponseRecord, RunError> {
        guard let schemeEnd = url.range(of: "://") else { return .failure(RunError("\(what) \(url) is not a URL")) }
        let pathStart = url[schemeEnd.upperBound...].firstIndex(of: "/") ?? url.endIndex
        let origin = String(url[..<pathStart])
        let path = pathStart == url.endIndex ? "/" : String(url[pathStart...])
        var options = transportOptions
        options.baseURL = origin
        options.concurrency = 1
        let transport: HTTPTransport
        do {
            transport = try HTTPTransport(options: options)
        } catch {
            return .failure(RunError("\(what) \(url): \(error.message)"))
        }
        let exchange = await transport.send(
            PreparedRequest(method: method, pathAndQuery: path, headers: headers, body: body))
        await transport.shutdown()
        switch exchange.result {
        case .success(let answer) where (200...299).contains(answer.status): return .success(answer)
        case .success(let answer): return .failure(RunError("\(what) \(url) answered \(answer.status)"))
        case .failure(let error): return .failure(RunError("\(what) \(url): \(error.kind): \(error.message)"))
        }
    }
}
