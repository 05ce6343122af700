import Foundation
import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// The current secret of a credential obtained at run time (`auth.command`, `auth.oauth2`), consulted
/// for every request: fetched once before the first request, fetched again when it expires
/// (`refreshSeconds`, or `expires_in` minus a margin) or when a request carrying it answers 401.
///
/// Generated cases carry `placeholder` (`<auth:command>`) where the secret goes; ``RunTransport``
/// substitutes the current secret at send time, so plans, records and reports never hold it.
actor CredentialProvider {
    /// What stands for the secret in cases ("<auth:oauth2>").
    let placeholder: String
    /// Header the credential travels in, and the full value a well-formed request carries
    /// ("Bearer <auth:oauth2>").
    let header: String
    let placeholderHeaderValue: String
    /// The suite identity this credential belongs to (nil: the owner's `auth`).
    let identity: String?
    private let source: SuiteAuth.Source
    /// Where the suite declares the source, for errors.
    private let location: String
    private let environment: [String: String]
    private let transportOptions: TransportOptions

    private var token: String?
    private var obtainedAt: ContinuousClock.Instant?
    private var expiresAt: ContinuousClock.Instant?
    /// A fetch is under way; `waiters` get its result.
    private var fetching = false
    private var waiters: [CheckedContinuation<Result<Fetched, RunError>, Never>] = []
    /// Every secret handed out so far (masked in responses).
    private(set) var issued: [String] = []
    /// Fetches after the first one.
    private(set) var refreshes = 0
    /// Requests re-sent after a refresh because they had answered 401.
    private(set) var resent = 0
    /// Refreshes that failed mid-run (the previous secret was kept).
    private(set) var failures: [String] = []

    struct Fetched: Sendable {
        var token: String
        var lifetime: Duration?
    }

    init(auth: SuiteAuth, credential: Credential, identity: String? = nil, environment: [String: String], transportOptions: TransportOptions) {
        self.identity = identity
        placeholder = credential.secret
        header = credential.header
        placeholderHeaderValue = credential.headerValue
        source = auth.source
        location = auth.location ?? "suite: #/auth"
        self.environment = environment
        self.transportOptions = transportOptions
    }

    /// The secret to send now; fetches one when there is none yet or it has expired. Throws only when
    /// no secret could ever be obtained.
    func current() async throws(RunError) -> String {
        let clock = ContinuousClock()
        if let token, let expiresAt, clock.now >= expiresAt {
            return await refresh(replacing: token)
        }
        if let token { return token }
        switch await fetch() {
        case .success(let fetched): return fetched.token
        case .failure(let error): throw error
        }
    }

    /// A fresh secret after `stale` was refused: fetched unless another request already replaced it
    /// (or it is less than a second old). On failure the previous secret stays and the failure is noted.
    func refresh(replacing stale: String) async -> String {
        let clock = ContinuousClock()
        if let token, token != stale { return token }
        if let token, let obtainedAt, expiresAt.map({ clock.now < $0 }) ?? true, clock.now - obtainedAt < .seconds(1) {
            return token
        }
        switch await fetch() {
        case .success(let fetched): return fetched.token
        case .failure(let error):
            if !failures.contains(error.message) { failures.append(error.message) }
            return token ?? stale
        }
    }

    /// Counts a request re-sent with a refreshed secret.
    func noteResent() { resent += 1 }

    /// One fetch at a time: callers arriving while one runs wait for its result.
    private func fetch() async -> Result<Fetched, RunError> {
        if fetching {
            return await withCheckedContinuation { waiters.append($0) }
        }
        fetching = true
        let result = await CredentialProvider.obtain(source, location: location, environment: environment, transportOptions: transportOptions)
        fetching = false
        if case .success(let fetched) = result {
            let clock = ContinuousClock()
            if token != nil { refreshes += 1 }
            token = fetched.token
            obtainedAt = clock.now
            expiresAt = fetched.lifetime.map { clock.now + $0 }
            if !issued.contains(fetched.token) { issued.append(fetched.token) }
        }
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume(returning: result) }
        return result
    }

    // MARK: Sources

    static func obtain(
        _ source: SuiteAuth.Source, location: String, environment: [String: String], transportOptions: TransportOptions
    ) async -> Result<Fetched, RunError> {
        switch source {
        case .env(let name):
            guard let value = environment[name], !value.isEmpty else {
                return .failure(RunError("\(location): $\(name) is not set"))
            }
            return .success(Fetched(token: value, lifetime: nil))
        case .command(let argv, let refreshSeconds):
            return await runCommand(argv, environment: environment).map {
                Fetched(token: $0, lifetime: refreshSeconds.map { .milliseconds(Int64($0 * 1000)) })
            }.mapError { RunError("\(location): the token command \($0.message)") }
        case .oauth2(let grant):
            return await clientCredentials(grant, environment: environment, transportOptions: transportOptions)
                .mapError { RunError("\(location): \($0.message)") }
        }
    }

    /// Runs `argv` (the program found on PATH); its standard output, trimmed, is the token.
    static func runCommand(_ argv: [String], environment: [String: String]) async -> Result<String, RunError> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<String, RunError>, Never>) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = argv
            var env = ProcessInfo.processInfo.environment
            for (key, value) in environment { env[key] = value }
            process.environment = env
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            let name = argv.first ?? ""
            process.terminationHandler = { finished in
                let out = output.fileHandleForReading.readDataToEndOfFile()
                let err = errors.fileHandleForReading.readDataToEndOfFile()
                let text = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if finished.terminationStatus != 0 {
                    let reason = String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline).first.map { ": " + $0.prefix(200) } ?? ""
                    continuation.resume(returning: .failure(RunError("(\(name)) exited with status \(finished.terminationStatus)\(reason)")))
                } else if text.isEmpty {
                    continuation.resume(returning: .failure(RunError("(\(name)) printed nothing")))
                } else if text.contains(where: \.isNewline) {
                    continuation.resume(returning: .failure(RunError("(\(name)) printed more than one line")))
                } else {
                    continuation.resume(returning: .success(text))
                }
            }
            do {
                try process.run()
            } catch {
                continuation.resume(returning: .failure(RunError("(\(name)) could not be started: \(error.localizedDescription)")))
            }
        }
    }

    /// A client-credentials grant: a form-encoded POST to the token endpoint, answered with JSON
    /// `{"access_token": …, "expires_in": …}`.
    static func clientCredentials(
        _ grant: SuiteAuth.OAuth2, environment: [String: String], transportOptions: TransportOptions
    ) async -> Result<Fetched, RunError> {
        guard let clientID = environment[grant.clientIdEnv], !clientID.isEmpty else {
            return .failure(RunError("oauth2: $\(grant.clientIdEnv) (the client id) is not set"))
        }
        guard let clientSecret = environment[grant.clientSecretEnv], !clientSecret.isEmpty else {
            return .failure(RunError("oauth2: $\(grant.clientSecretEnv) (the client secret) is not set"))
        }
        let url = grant.tokenURL
        guard let schemeEnd = url.range(of: "://") else { return .failure(RunError("oauth2: tokenURL \(url) is not a URL")) }
        let pathStart = url[schemeEnd.upperBound...].firstIndex(of: "/") ?? url.endIndex
        let origin = String(url[..<pathStart])
        let path = pathStart == url.endIndex ? "/" : String(url[pathStart...])
        var fields = [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret)]
        if !grant.scopes.isEmpty { fields.append(("scope", grant.scopes.joined(separator: " "))) }
        let body = fields.map { formEncoded($0.0) + "=" + formEncoded($0.1) }.joined(separator: "&")
        var options = transportOptions
        options.baseURL = origin
        options.concurrency = 1
        let transport: HTTPTransport
        do {
            transport = try HTTPTransport(options: options)
        } catch {
            return .failure(RunError("oauth2: tokenURL \(url): \(error.message)"))
        }
        let request = PreparedRequest(
            method: .post, pathAndQuery: path,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")], body: Array(body.utf8))
        let exchange = await transport.send(request)
        await transport.shutdown()
        let response: HTTPResponseRecord
        switch exchange.result {
        case .success(let answer): response = answer
        case .failure(let error): return .failure(RunError("oauth2: token endpoint \(url): \(error.kind): \(error.message)"))
        }
        guard (200...299).contains(response.status) else {
            return .failure(RunError("oauth2: token endpoint \(url) answered \(response.status)"))
        }
        guard let json = try? JSONParser().parse(response.body), case .object(let object) = json else {
            return .failure(RunError("oauth2: token endpoint \(url) answered \(response.status) without a JSON object"))
        }
        guard let token = object["access_token"]?.stringValue, !token.isEmpty else {
            return .failure(RunError("oauth2: token endpoint \(url) answered without an `access_token` string"))
        }
        // Cached until `expires_in` minus a margin (a tenth, at most 30 s), so a token is not sent as it expires.
        let lifetime = object["expires_in"]?.doubleValue.map { seconds -> Duration in
            let kept = max(0, seconds - min(30, seconds / 10))
            return .milliseconds(Int64(kept * 1000))
        }
        return .success(Fetched(token: token, lifetime: lifetime))
    }

    /// `application/x-www-form-urlencoded` (unreserved characters kept, space as `+`).
    static func formEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: " "): out.append("+")
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}

/// The transport a run sends through: puts the current run-time secret into each request in place of
/// its placeholder, re-sends once a request that answered 401 after refreshing the secret, and masks
/// every issued secret in responses. Without a provider it is the plain transport.
struct RunTransport: Sendable {
    let http: HTTPTransport
    let credentials: [CredentialProvider]

    init(_ http: HTTPTransport, credentials: [CredentialProvider] = []) {
        self.http = http
        self.credentials = credentials
    }

    func url(for request: PreparedRequest) -> String { http.url(for: request) }

    func shutdown() async { await http.shutdown() }

    func send(_ request: PreparedRequest, index: Int = 0) async -> Exchange {
        // The provider whose placeholder the request carries (the owner's or an identity's), if any.
        let found = credentials.lazy.compactMap { provider -> (CredentialProvider, String)? in
            guard let carried = request.header(provider.header), carried.contains(provider.placeholder) else { return nil }
            return (provider, carried)
        }.first
        guard let (credentials, carried) = found else { return await http.send(request, index: index) }
        let placeholder = credentials.placeholder
        let token: String
        do {
            token = try await credentials.current()
        } catch {
            // Cannot happen after the first fetch succeeded (the previous secret is kept); send the placeholder.
            return await mask(http.send(request, index: index), credentials: credentials, sent: request)
        }
        var exchange = await http.send(substituting(token, in: request, placeholder: placeholder, header: credentials.header), index: index)
        // Only a well-formed credential that was refused may have expired (not the malformed-credential mutation).
        if carried == credentials.placeholderHeaderValue, case .success(let response) = exchange.result, response.status == 401 {
            let fresh = await credentials.refresh(replacing: token)
            if fresh != token {
                await credentials.noteResent()
                exchange = await http.send(substituting(fresh, in: request, placeholder: placeholder, header: credentials.header), index: index)
            }
        }
        return await mask(exchange, credentials: credentials, sent: request)
    }

    private func substituting(_ token: String, in request: PreparedRequest, placeholder: String, header: String) -> PreparedRequest {
        var copy = request
        let lower = header.lowercased()
        copy.headers = request.headers.map { header in
            header.name.lowercased() == lower ? (header.name, header.value.replacingOccurrences(of: placeholder, with: token)) : header
        }
        return copy
    }

    /// The exchange as recorded: the request with its placeholder, every issued secret in the response
    /// replaced by the placeholder.
    private func mask(_ exchange: Exchange, credentials: CredentialProvider, sent: PreparedRequest) async -> Exchange {
        var masked = exchange
        masked.request = sent
        let issued = await credentials.issued.filter { $0.count >= 4 }
        guard !issued.isEmpty, case .success(var response) = exchange.result else { return masked }
        func clean(_ text: String) -> String {
            issued.reduce(text) { $0.replacingOccurrences(of: $1, with: credentials.placeholder) }
        }
        response.headers = response.headers.map { HTTPHeaderField(name: $0.name, value: clean($0.value)) }
        if let text = String(validating: response.body, as: UTF8.self) {
            let cleaned = clean(text)
            if cleaned != text { response.body = Array(cleaned.utf8) }
        }
        masked.result = .success(response)
        return masked
    }
}
