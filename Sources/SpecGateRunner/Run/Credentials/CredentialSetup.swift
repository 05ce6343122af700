import SpecGateCore
import SpecGateHTTP

/// Credentials obtained at run time (`command`, `oauth2`, `login`), set up the same way by `run`, `compare`
/// and `replay`: checked and masked while the run is prepared, then one provider per credential (the
/// owner's and each identity's) for each target, fetched once before the first request.
enum CredentialSetup {
    /// Checks a run-time source before anything is sent, and registers its secret inputs with `masker`: the
    /// OAuth 2 client secret, a login's `{env: …}` values. Throws, naming the suite line, for a login
    /// operation the spec lacks or (unless only planning) a login variable that is not set.
    static func prepare(
        _ auth: SuiteAuth, target: LoadedTarget, options: RunOptions, baseURL: String, masker: inout SecretMasker
    ) throws(RunError) {
        switch auth.source {
        case .env, .command:
            return
        case .oauth2(let grant):
            if let clientSecret = options.environment[grant.clientSecretEnv], !clientSecret.isEmpty {
                masker.add(.init(value: clientSecret, placeholder: "$" + grant.clientSecretEnv))
            }
        case .login(let login, _):
            _ = try LoginRequest.resolve(
                login, spec: target.fullSpec, baseURL: baseURL, fixedHeaders: target.suite?.headers ?? [])
            if !options.planOnly, let missing = LoginRequest.missingVariable(login, environment: options.environment) {
                throw missing
            }
            for (env, value) in LoginRequest.secretValues(login, environment: options.environment) {
                masker.add(.init(value: value, placeholder: "$" + env))
            }
        }
    }

    /// "$NAME is not set" for the first environment variable a run-time source needs and lacks (a login's
    /// `{env: …}` values, the OAuth 2 client id and secret); nil when all are set. An optional identity
    /// lacking one is skipped, as one whose `env` is unset.
    static func unsetVariable(of source: SuiteAuth.Source, environment: [String: String]) -> String? {
        let needed: [String]
        switch source {
        case .env, .command: needed = []
        case .oauth2(let grant): needed = [grant.clientIdEnv, grant.clientSecretEnv]
        case .login(let login, _): needed = login.variables.map(\.env)
        }
        return needed.first { (environment[$0] ?? "").isEmpty }.map { "$\($0) is not set" }
    }

    /// One provider per run-time credential of `run` (the owner's, then the identities'), for requests to
    /// `baseURL` (a login by operation or path goes there), each fetched once now: a failure throws, naming the suite line.
    static func providers(for run: PreparedRun, baseURL: String, transportOptions: TransportOptions)
        async throws(RunError) -> [CredentialProvider]
    {
        var providers: [CredentialProvider] = []
        for runtime in run.runtimeCredentials {
            var login: LoginRequest?
            if case .login(let source, _) = runtime.auth.source {
                login = try LoginRequest.resolve(
                    source, spec: run.target.fullSpec, baseURL: baseURL, fixedHeaders: run.target.suite?.headers ?? [])
            }
            let fetcher = TokenFetcher(
                source: runtime.auth.source, location: runtime.auth.location ?? "suite: #/auth",
                environment: run.options.environment,
                transportOptions: transportOptions, login: login)
            let provider = CredentialProvider(
                credential: runtime.credential, identity: runtime.identity, fetcher: fetcher)
            _ = try await provider.current()
            providers.append(provider)
        }
        return providers
    }
}

extension RunTransport {
    /// The transport to `baseURL` for `run` (its timeout, rate limit, proxy …), with a provider for each
    /// credential obtained at run time, each fetched once now. Throws when HTTP cannot be set up or a
    /// credential cannot be obtained (naming the suite line).
    static func make(for run: PreparedRun, baseURL: String) async throws(RunError) -> RunTransport {
        let http: HTTPTransport
        let transportOptions: TransportOptions
        do {
            transportOptions = try run.options.transportOptions(baseURL: baseURL)
            http = try HTTPTransport(options: transportOptions)
        } catch {
            throw RunError("cannot set up HTTP for \(baseURL): \(error)")
        }
        do {
            return RunTransport(
                http,
                credentials: try await CredentialSetup.providers(
                    for: run, baseURL: baseURL, transportOptions: transportOptions))
        } catch {
            await http.shutdown()
            throw error
        }
    }

    /// What the run's credentials went through, for the report's notes: refreshes, requests re-sent after
    /// one, refreshes that failed (masked).
    func credentialNotes(masker: SecretMasker) async -> [String] {
        var notes: [String] = []
        for credentials in credentials {
            let who = credentials.identity.map { "auth (\($0))" } ?? "auth"
            let refreshes = await credentials.refreshes
            let resent = await credentials.resent
            if refreshes > 0 {
                notes.append(
                    "\(who): the token was refreshed \(refreshes) time\(refreshes == 1 ? "" : "s") during the run")
            }
            if resent > 0 {
                notes.append(
                    "\(who): \(resent) request\(resent == 1 ? " was" : "s were") re-sent after a token refresh (answered 401 with the expired token)"
                )
            }
            notes += await credentials.failures.map {
                "\(who): refreshing the token failed, the previous one was kept: \(masker.mask($0))"
            }
        }
        return notes
    }
}
