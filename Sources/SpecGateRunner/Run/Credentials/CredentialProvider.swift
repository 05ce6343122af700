import Foundation
import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// The current secret of a credential obtained at run time (`auth.command`, `auth.oauth2`, `auth.login`),
/// consulted for every request: fetched once before the first request, fetched again when it expires
/// (`refreshSeconds`, or `expires_in` minus a margin) or when a request carrying it answers 401.
///
/// Generated cases carry `placeholder` (`<auth:command>`, `<auth:login>`) where the secret goes; ``RunTransport``
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
    /// Obtains a secret from the suite's source.
    private let fetcher: TokenFetcher

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

    init(credential: Credential, identity: String? = nil, fetcher: TokenFetcher) {
        self.identity = identity
        placeholder = credential.secret
        header = credential.header
        placeholderHeaderValue = credential.headerValue
        self.fetcher = fetcher
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
        let result = await fetcher.fetch()
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
}
