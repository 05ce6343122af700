import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
import SpecGateCore

/// Sends ``PreparedRequest``s over AsyncHTTPClient with a concurrency cap, rate limit, retries,
/// whole-exchange timeouts and bounded response bodies.
///
/// Failures are data: every request yields an ``Exchange`` whose result is a response or a
/// ``TransportError``. Call ``shutdown()`` when done (or use ``withTransport(options:_:)``).
public struct HTTPTransport: Sendable {
    /// The options the transport was created with.
    public let options: TransportOptions
    private let client: HTTPClient
    private let base: BaseURL
    private let limiter: RateLimiter?
    private let backoff: RetryBackoff

    /// Validates the options and creates the HTTP client (on the shared NIO event loop group).
    /// Throws `.invalidRequest` for a bad base URL or option, `.tls` for an unreadable CA file.
    public init(options: TransportOptions) throws(TransportError) {
        func invalid(_ message: String) -> TransportError { TransportError(kind: .invalidRequest, message: message) }
        guard options.concurrency >= 1 else { throw invalid("concurrency must be at least 1") }
        guard options.maxRetries >= 0, options.maxRedirects >= 0, options.maxResponseBytes >= 0 else {
            throw invalid("maxRetries, maxRedirects and maxResponseBytes must not be negative")
        }
        guard options.timeout > .zero, options.connectTimeout > .zero else { throw invalid("timeouts must be positive") }
        if let rate = options.rateLimit {
            guard rate > 0, rate.isFinite else { throw invalid("rateLimit must be a positive number of requests per second") }
        }
        self.options = options
        self.base = try BaseURL(options.baseURL)

        var tls = TLSConfiguration.makeClientConfiguration()
        if let path = options.caCertificatePath {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                guard !certificates.isEmpty else {
                    throw TransportError(kind: .tls, message: "no certificate in the file")
                }
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw TransportError(kind: .tls, message: "CA certificate file \(path): \(error)")
            }
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: options.maxRedirects > 0
                ? .follow(max: options.maxRedirects, allowCycles: true) : .disallow,
            timeout: .init(connect: Self.timeAmount(options.connectTimeout)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.concurrency),
            decompression: .disabled
        )
        // Fail a refused connection at once; this transport does its own retrying.
        configuration.connectionPool.retryConnectionEstablishment = false
        // No tracing: the default (no-op) tracer still parses every request's URL for span attributes.
        configuration.tracing.tracer = nil
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.limiter = options.rateLimit.map { RateLimiter(requestsPerSecond: $0) }
        self.backoff = RetryBackoff(seed: options.jitterSeed, base: options.retryBaseDelay, cap: options.maxRetryDelay)
    }

    /// Runs `body` with a new transport and shuts it down afterwards, also when `body` throws.
    public static func withTransport<R: Sendable>(
        options: TransportOptions, _ body: (HTTPTransport) async throws -> R
    ) async throws -> R {
        let transport = try HTTPTransport(options: options)
        do {
            let result = try await body(transport)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// The absolute URL a request is sent to (base URL joined with its `pathAndQuery`).
    public func url(for request: PreparedRequest) -> String {
        base.url(for: request.pathAndQuery)
    }

    /// Sends one request, retrying transport errors and honouring `Retry-After` as configured.
    public func send(_ request: PreparedRequest, index: Int = 0) async -> Exchange {
        let clock = ContinuousClock()
        var attempts = 0
        var startedAt: ContinuousClock.Instant?
        func finish(_ result: Result<HTTPResponseRecord, TransportError>) -> Exchange {
            Exchange(
                index: index, request: request, result: result.mapError { annotate($0, attempts: attempts, method: request.method) },
                attempts: attempts, startedAt: startedAt, elapsed: startedAt.map { clock.now - $0 } ?? .zero)
        }
        while true {
            if Task.isCancelled { return finish(.failure(Self.cancelled)) }
            if let limiter {
                do { try await limiter.acquire() } catch { return finish(.failure(Self.cancelled)) }
            }
            if startedAt == nil { startedAt = clock.now }
            attempts += 1
            let outcome = await attempt(request)
            guard attempts <= options.maxRetries,
                let wait = await retryDelay(after: outcome, attempt: attempts, method: request.method)
            else {
                return finish(outcome)
            }
            do { try await Task.sleep(for: wait) } catch { return finish(.failure(Self.cancelled)) }
        }
    }

    /// Sends all requests, at most ``TransportOptions/concurrency`` at a time, and returns the
    /// exchanges in input order. `progress` is called after each finished exchange.
    ///
    /// On task cancellation no further requests are launched; requests in flight end as
    /// `.cancelled` and unsent ones are returned as `.cancelled` with zero attempts.
    public func sendAll(
        _ requests: [PreparedRequest], progress: (@Sendable (TransportProgress) -> Void)? = nil
    ) async -> [Exchange] {
        let clock = ContinuousClock()
        let start = clock.now
        var results = [Exchange?](repeating: nil, count: requests.count)
        await withTaskGroup(of: Exchange.self) { group in
            var next = 0
            func launch() {
                guard next < requests.count, !Task.isCancelled else { return }
                let index = next
                next += 1
                group.addTask { await self.send(requests[index], index: index) }
            }
            for _ in 0..<min(options.concurrency, requests.count) { launch() }
            var done = 0
            var errors = 0
            while let exchange = await group.next() {
                results[exchange.index] = exchange
                done += 1
                if exchange.error != nil { errors += 1 }
                progress?(TransportProgress(done: done, total: requests.count, errors: errors, elapsed: clock.now - start))
                launch()
            }
        }
        return results.enumerated().map { index, exchange in
            exchange ?? Exchange(
                index: index, request: requests[index],
                result: .failure(TransportError(kind: .cancelled, message: "not sent: the run was cancelled")),
                attempts: 0, startedAt: nil, elapsed: .zero)
        }
    }

    /// Closes all connections. The transport must not be used afterwards.
    public func shutdown() async {
        do {
            try await client.shutdown()
        } catch {
            // Already shut down: nothing left to close.
        }
    }

    // MARK: - Internals

    private static let cancelled = TransportError(kind: .cancelled, message: "the task was cancelled")

    private func makeRequest(_ request: PreparedRequest) throws -> HTTPClient.Request {
        var headers = HTTPHeaders()
        for header in request.headers {
            headers.add(name: header.name, value: header.value)
        }
        return try HTTPClient.Request(
            url: base.url(for: request.pathAndQuery), method: NIOHTTP1.HTTPMethod(rawValue: request.method.wireName),
            headers: headers, body: request.body.map { .bytes($0) })
    }

    /// The final error with how many attempts it took and, when ``RetryPolicy`` withheld a retry, why.
    private func annotate(_ error: TransportError, attempts: Int, method: SpecGateCore.HTTPMethod) -> TransportError {
        var error = error
        if attempts > 1 { error.message += " (after \(attempts) attempts)" }
        if options.maxRetries > 0, let why = RetryPolicy.withheld(error, method: method) { error.message += "; " + why }
        return error
    }

    /// The wait before another attempt, or nil if the outcome is final.
    private func retryDelay(
        after outcome: Result<HTTPResponseRecord, TransportError>, attempt: Int, method: SpecGateCore.HTTPMethod
    ) async -> Duration? {
        switch outcome {
        case .success(let response):
            guard options.honorRetryAfter, response.status == 429 || response.status == 503,
                  let value = response.header("Retry-After"),
                  let delay = RetryAfter.delay(value, now: RetryAfter.wallClockNow())
            else { return nil }
            return min(delay, options.maxRetryAfter)
        case .failure(let error):
            guard RetryPolicy.mayRetry(error, method: method) else { return nil }
            return await backoff.delay(retry: attempt)
        }
    }

    /// One attempt: the request and the whole response, body included, within the timeout (AsyncHTTPClient's
    /// task deadline covers the body too), keeping at most `maxResponseBytes` of the body.
    private func attempt(_ request: PreparedRequest) async -> Result<HTTPResponseRecord, TransportError> {
        let httpRequest: HTTPClient.Request
        do {
            httpRequest = try makeRequest(request)
        } catch {
            return .failure(TransportErrorClassifier.classify(error))
        }
        let collector = ResponseCollector(limit: options.maxResponseBytes, start: .now)
        let task = client.execute(
            request: httpRequest, delegate: collector, deadline: .now() + Self.timeAmount(options.timeout))
        do {
            let record = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            return .success(record)
        } catch is ResponseCollector.LimitReached {
            return .success(collector.record)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            return .failure(TransportError(kind: .timeout, message: "no complete response within \(options.timeout)"))
        } catch {
            return .failure(TransportErrorClassifier.classify(error))
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanos.overflow else { return .nanoseconds(Int64.max) }
        return .nanoseconds(nanos.partialValue + attoseconds / 1_000_000_000)
    }
}
