import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SpecGateCore

/// Sends ``PreparedRequest``s over SpecGate's own HTTP/1.1 engine (SwiftNIO): a keep-alive connection
/// pool per origin, exact requests, a whole-exchange timeout, bounded response bodies, safe retries,
/// a rate limit, redirects when asked, proxies from the environment, and per-exchange timings.
///
/// Failures are data: every request yields an ``Exchange`` whose result is a response or a
/// ``TransportError``. Call ``shutdown()`` when done (or use ``withTransport(options:_:)``).
///
/// ## Stale kept-alive connections
/// A server may close a kept-alive connection at any moment after it has finished an exchange
/// (uvicorn does so after every 500, HTTP/1.0-style servers after every answer, others after some idle
/// time), and it need not say `Connection: close` first. A request written onto such a connection
/// meets the close before a single byte of an answer. Because the server closed a connection on which
/// it had no request left to answer, it never processed this one: like Go's `net/http` and urllib3,
/// the transport re-sends such a request once on a fresh connection, whatever its method (POST and
/// PATCH included). That re-send is counted (``Exchange/staleRetries``), never reported as an error.
/// A connection whose peer has already closed it is never handed out in the first place. A failure
/// on a fresh connection, or after any byte of the answer arrived, is the server's and is reported.
public struct HTTPTransport: Sendable {
    /// The options the transport was created with.
    public let options: TransportOptions
    private let base: BaseURL
    private let baseOrigin: Origin
    private let pool: ConnectionPool
    private let tls: NIOSSLContext?
    private let limiter: RateLimiter?
    private let backoff: RetryBackoff
    private let loops: EngineLoops

    /// Validates the options and sets up TLS (on a few of NIO's shared event loops: ``EngineLoops``).
    /// Throws `.invalidRequest` for a bad base URL, option or proxy, `.tls` for an unreadable CA file.
    public init(options: TransportOptions) throws(TransportError) {
        func invalid(_ message: String) -> TransportError { TransportError(kind: .invalidRequest, message: message) }
        guard options.concurrency >= 1 else { throw invalid("concurrency must be at least 1") }
        guard options.maxRetries >= 0, options.maxRedirects >= 0, options.maxResponseBytes >= 0 else {
            throw invalid("maxRetries, maxRedirects and maxResponseBytes must not be negative")
        }
        guard options.timeout > .zero, options.connectTimeout > .zero else {
            throw invalid("timeouts must be positive")
        }
        if let rate = options.rateLimit {
            guard rate > 0, rate.isFinite else {
                throw invalid("rateLimit must be a positive number of requests per second")
            }
        }
        self.options = options
        self.base = try BaseURL(options.baseURL)
        self.baseOrigin = try Origin(scheme: base.scheme, authority: Substring(base.authority))
        self.tls = try Self.makeTLSContext(caCertificatePath: options.caCertificatePath)
        self.pool = ConnectionPool(capacity: options.concurrency)
        self.limiter = options.rateLimit.map { RateLimiter(requestsPerSecond: $0) }
        self.backoff = RetryBackoff(seed: options.jitterSeed, base: options.retryBaseDelay, cap: options.maxRetryDelay)
        self.loops = EngineLoops(concurrency: options.concurrency)
    }

    private static func makeTLSContext(caCertificatePath: String?) throws(TransportError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let path = caCertificatePath {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                guard !certificates.isEmpty else {
                    throw TransportError(kind: .tls, message: "no certificate in the file")
                }
                configuration.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw TransportError(kind: .tls, message: "CA certificate file \(path): \(error)")
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TransportError(kind: .tls, message: "cannot set up TLS: \(error)")
        }
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
        var staleRetries = 0
        var startedAt: ContinuousClock.Instant?
        func finish(_ result: Result<HTTPResponseRecord, TransportError>) -> Exchange {
            var exchange = Exchange(
                index: index, request: request,
                result: result.mapError { annotate($0, attempts: attempts, method: request.method) },
                attempts: attempts, startedAt: startedAt, elapsed: startedAt.map { clock.now - $0 } ?? .zero)
            exchange.staleRetries = staleRetries
            return exchange
        }
        let url = AbsoluteURL(origin: baseOrigin, target: base.target(for: request.pathAndQuery))
        while true {
            if Task.isCancelled { return finish(.failure(Self.cancelled)) }
            if let limiter {
                do { try await limiter.acquire() } catch { return finish(.failure(Self.cancelled)) }
            }
            if startedAt == nil { startedAt = clock.now }
            attempts += 1
            let outcome = await followingRedirects(request, to: url, staleRetries: &staleRetries)
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
                progress?(
                    TransportProgress(done: done, total: requests.count, errors: errors, elapsed: clock.now - start))
                launch()
            }
        }
        return results.enumerated().map { index, exchange in
            exchange
                ?? Exchange(
                    index: index, request: requests[index],
                    result: .failure(TransportError(kind: .cancelled, message: "not sent: the run was cancelled")),
                    attempts: 0, startedAt: nil, elapsed: .zero)
        }
    }

    /// Closes all connections. The transport must not be used afterwards.
    public func shutdown() async {
        await pool.closeAll()
    }

    // MARK: - Internals

    private static let cancelled = TransportError(kind: .cancelled, message: "the task was cancelled")

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

    /// One attempt, following up to ``TransportOptions/maxRedirects`` redirects (none by default: a 3xx is
    /// an answer to judge). A 303, and a 301 or 302 to a POST, continue as a GET without a body.
    private func followingRedirects(
        _ request: PreparedRequest, to url: AbsoluteURL, staleRetries: inout Int
    ) async -> Result<HTTPResponseRecord, TransportError> {
        var current = request
        var url = url
        var redirects = 0
        while true {
            let outcome = await exchange(current, at: url, staleRetries: &staleRetries)
            guard options.maxRedirects > 0, case .success(let response) = outcome,
                [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location")
            else { return outcome }
            guard redirects < options.maxRedirects else {
                return .failure(
                    TransportError(
                        kind: .tooManyRedirects,
                        message: "more than \(options.maxRedirects) redirects (last to \(location))"))
            }
            redirects += 1
            do {
                url = try url.resolving(location)
            } catch {
                return .failure(
                    TransportError(
                        kind: .invalidResponse,
                        message: "redirect to an unusable Location '\(location)': \(error.message)"))
            }
            if response.status == 303 || ((response.status == 301 || response.status == 302) && current.method == .post)
            {
                if current.method != .head { current.method = .get }
                current.body = nil
                current.headers.removeAll {
                    ["content-length", "content-type", "transfer-encoding"].contains($0.name.lowercased())
                }
            }
        }
    }

    /// One request on one connection: a pooled one when there is one, else a new one; on a stale pooled
    /// connection (closed before any byte of the answer), once more on a fresh connection.
    private func exchange(
        _ request: PreparedRequest, at url: AbsoluteURL, staleRetries: inout Int
    ) async -> Result<HTTPResponseRecord, TransportError> {
        let start = NIODeadline.now()
        let deadline = start + TimeAmount(options.timeout)
        let proxy = options.proxy.proxy(for: url.origin)
        let head: HTTPRequestHead
        do {
            head = try WireRequestBuilder.head(for: request, url: url, proxy: proxy)
        } catch {
            return .failure(error)
        }
        let body = request.body.map { ByteBuffer(bytes: $0) }
        var mayRetryStale = true
        while true {
            var connection: HTTP1Connection
            var connectDuration: Duration?
            var reused = false
            if mayRetryStale, let pooled = pool.take(url.origin) {
                connection = pooled
                reused = true
            } else {
                do {
                    connection = try await HTTP1Connection.open(
                        to: url.origin, proxy: proxy, tls: tls, connectTimeout: options.connectTimeout,
                        deadline: deadline, group: loops.next())
                    connectDuration = connection.connectDuration
                } catch {
                    return .failure(
                        Self.connectFailure(
                            error, origin: url.origin, proxy: proxy, timeout: options.timeout, start: start))
                }
            }
            switch await connection.exchange(
                head: head, body: body, limit: options.maxResponseBytes, deadline: deadline, reused: reused)
            {
            case .success(let response):
                if response.reusable { pool.put(connection) } else { connection.close() }
                return .success(Self.record(response, start: start, connect: connectDuration))
            case .failure(let failure):
                connection.close()
                if failure.reason == .staleConnection, mayRetryStale {
                    mayRetryStale = false
                    staleRetries += 1
                    continue
                }
                return .failure(Self.transportError(failure, timeout: options.timeout))
            }
        }
    }

    private static func record(_ response: WireResponse, start: NIODeadline, connect: Duration?) -> HTTPResponseRecord {
        let total = Duration(response.finishedAt - start)
        var record = HTTPResponseRecord(
            status: Int(response.head.status.code),
            headers: response.head.headers.map { HeaderField(name: $0.name, value: $0.value) },
            body: response.body, bodyTruncated: response.truncated, elapsed: total,
            bodyBytesReceived: response.bytesReceived)
        record.timings = ExchangeTimings(
            connect: connect, firstByte: Duration(response.firstByteAt - response.writtenAt), total: total)
        return record
    }

    private static func transportError(_ failure: WireFailure, timeout: Duration) -> TransportError {
        switch failure.reason {
        case .staleConnection:
            return TransportError(
                kind: .connectionReset, message: "the server closed the kept-alive connection before answering")
        case .closed:
            return TransportError(kind: .connectionReset, message: failure.description)
        case .timeout:
            return TransportError(kind: .timeout, message: "no complete response within \(timeout)")
        case .cancelled:
            return cancelled
        case .failed:
            guard let underlying = failure.underlying as? SendableError else {
                return TransportError(kind: .other, message: failure.description)
            }
            return TransportError(kind: underlying.kind, message: underlying.description)
        }
    }

    private static func connectFailure(
        _ error: any Error, origin: Origin, proxy: ProxyEndpoint?, timeout: Duration, start: NIODeadline
    ) -> TransportError {
        var classified = TransportErrorClassifier.classify(error)
        if let refused = error as? ProxyTunnel.Refused {
            classified = TransportError(kind: .other, message: refused.description, neverSent: true)
        }
        if let proxy { classified.message += " (through proxy \(proxy.origin.authority))" }
        if classified.kind == .timeout, NIODeadline.now() - start >= TimeAmount(timeout) {
            classified.message = "no connection to \(origin.authority) within \(timeout)"
        }
        return classified
    }
}

/// Builds the request head as it goes on the wire: the case's headers in their order and case, with
/// `Host` first and `Content-Length` last only when the case has none, and nothing else added.
enum WireRequestBuilder {
    static func head(for request: PreparedRequest, url: AbsoluteURL, proxy: ProxyEndpoint?) throws(TransportError)
        -> HTTPRequestHead
    {
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.headers.count + 3)
        var hasHost = false
        var hasFraming = false
        for header in request.headers {
            let name = header.name
            guard Self.isToken(name) else {
                throw TransportError(
                    kind: .invalidRequest, message: "header name '\(name)' cannot be sent: it is not an HTTP token")
            }
            guard !header.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
                throw TransportError(
                    kind: .invalidRequest, message: "header \(name) cannot be sent: its value holds CR, LF or NUL")
            }
            switch name.utf8.count {
            case 4 where name.lowercased() == "host": hasHost = true
            case 14 where name.lowercased() == "content-length": hasFraming = true
            case 17 where name.lowercased() == "transfer-encoding": hasFraming = true
            default: break
            }
        }
        if !hasHost { headers.add(name: "Host", value: url.origin.authority) }
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        if !hasFraming {
            if let body = request.body {
                headers.add(name: "Content-Length", value: String(body.count))
            } else if request.method == .post || request.method == .put || request.method == .patch {
                headers.add(name: "Content-Length", value: "0")
            }
        }
        let plainThroughProxy = proxy != nil && !url.origin.isTLS
        if plainThroughProxy, let authorization = proxy?.authorization {
            headers.add(name: "Proxy-Authorization", value: authorization)
        }
        let target = plainThroughProxy ? url.text : url.target
        guard !target.utf8.contains(where: { $0 <= 32 || $0 == 127 }) else {
            throw TransportError(
                kind: .invalidRequest, message: "request target '\(target)' holds spaces or control characters")
        }
        return HTTPRequestHead(
            version: .http1_1, method: NIOHTTP1.HTTPMethod(rawValue: request.method.wireName), uri: target,
            headers: headers)
    }

    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                    UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
                    UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                    return true
                default:
                    return false
                }
            }
    }
}
