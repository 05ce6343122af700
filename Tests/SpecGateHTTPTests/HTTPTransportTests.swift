import NIOConcurrencyHelpers
import SpecGateCore
import Testing

@testable import SpecGateHTTP

/// Runs `body` with a fresh test server and transport, shutting both down afterwards.
func withServer<R: Sendable>(
    _ configure: (inout TransportOptions) -> Void = { _ in },
    _ body: (TestServer, HTTPTransport) async throws -> R
) async throws -> R {
    let server = try await TestServer.start()
    var options = TransportOptions(baseURL: server.baseURL)
    options.retryBaseDelay = .milliseconds(1)
    configure(&options)
    do {
        let result = try await HTTPTransport.withTransport(options: options) { try await body(server, $0) }
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

func get(_ path: String) -> PreparedRequest {
    PreparedRequest(method: .get, pathAndQuery: path)
}

@Suite struct HTTPTransportTests {
    @Test func successWithHeadersAndBodyRoundTrip() async throws {
        try await withServer { server, transport in
            let body: [UInt8] = [0, 1, 2, 0xFF] + Array("ünï".utf8)
            let request = PreparedRequest(
                method: .post, pathAndQuery: "/v2/bookings?take=1&q=a%20b",
                headers: [
                    HeaderField(name: "Content-Type", value: "application/octet-stream"),
                    HeaderField(name: "X-Multi", value: "1"), HeaderField(name: "X-Multi", value: "2"),
                ], body: body)
            let exchange = await transport.send(request, index: 7)
            let response = try #require(exchange.response)
            #expect(exchange.index == 7)
            #expect(exchange.attempts == 1)
            #expect(exchange.startedAt != nil)
            #expect(response.status == 200)
            #expect(response.body == body)
            #expect(!response.bodyTruncated)
            #expect(response.header("x-method") == "POST")
            #expect(response.header("X-URI") == "/v2/bookings?take=1&q=a%20b")
            #expect(response.headers(named: "x-echo-x-multi") == ["1", "2"])
            #expect(response.header("X-Echo-Content-Type") == "application/octet-stream")
            #expect(response.headers.contains { $0.name == "X-Method" })
            #expect(server.snapshot.requests.count == 1)
        }
    }

    @Test func baseURLPathPrefixIsKept() async throws {
        let server = try await TestServer.start()
        var options = TransportOptions(baseURL: server.baseURL + "/api/")
        options.maxRetries = 0
        let uri = try await HTTPTransport.withTransport(options: options) { transport in
            await transport.send(get("/v2/me?x=1")).response?.header("X-URI")
        }
        await server.stop()
        #expect(uri == "/api/v2/me?x=1")
    }

    @Test func concurrencyCapIsRespected() async throws {
        let (exchanges, peak) = try await withServer({ $0.concurrency = 3 }) { server, transport in
            let exchanges = await transport.sendAll((0..<12).map { _ in get("/slow/40") })
            return (exchanges, server.snapshot.maxInFlight)
        }
        #expect(exchanges.allSatisfy { $0.response?.status == 200 })
        #expect(peak <= 3)
        #expect(peak >= 1)
    }

    @Test func resultsComeBackInInputOrderWithProgress() async throws {
        let reports = NIOLockedValueBox<[TransportProgress]>([])
        let paths = (0..<8).map { "/slow/\(80 - $0 * 10)?i=\($0)" } + ["/status/404", "/status/201"]
        let exchanges = try await withServer({ $0.concurrency = 4 }) { _, transport in
            await transport.sendAll(paths.map(get)) { progress in reports.withLockedValue { $0.append(progress) } }
        }
        #expect(exchanges.map(\.index) == Array(0..<10))
        #expect(exchanges.map { $0.request.pathAndQuery } == paths)
        #expect(exchanges.last?.response?.status == 201)
        #expect(exchanges[8].response?.status == 404)
        let progress = reports.withLockedValue { $0 }
        #expect(progress.map(\.done) == Array(1...10))
        #expect(progress.allSatisfy { $0.total == 10 && $0.errors == 0 })
    }

    @Test func rateLimitSpacesRequests() async throws {
        let exchanges = try await withServer({
            $0.rateLimit = 20
            $0.concurrency = 6
        }) { _, transport in
            await transport.sendAll((0..<6).map { _ in get("/echo") })
        }
        let starts = exchanges.compactMap(\.startedAt).sorted()
        #expect(starts.count == 6)
        // 20 per second, evenly spaced: the sixth request cannot start before 5 × 50 ms.
        if let first = starts.first, let last = starts.last {
            #expect(last - first >= .milliseconds(240))
        }
    }

    @Test func retriesWhenTheConnectionIsRefused() async throws {
        let port = try await closedPort()
        var options = TransportOptions(baseURL: "http://127.0.0.1:\(port)")
        options.maxRetries = 2
        options.retryBaseDelay = .milliseconds(1)
        let exchange = try await HTTPTransport.withTransport(options: options) { await $0.send(get("/x")) }
        #expect(exchange.error?.kind == .connectionRefused)
        #expect(exchange.attempts == 3)
    }

    @Test func retriesWhenTheConnectionIsReset() async throws {
        let (exchange, hits) = try await withServer({ $0.maxRetries = 2 }) { server, transport in
            (await transport.send(get("/reset/2")), server.snapshot.hits["/reset/2"])
        }
        #expect(exchange.response?.status == 200)
        #expect(exchange.attempts == 3)
        #expect(hits == 3)
        let failed = try await withServer({ $0.maxRetries = 1 }) { _, transport in await transport.send(get("/reset/5"))
        }
        #expect(failed.error?.kind == .connectionReset)
        #expect(failed.attempts == 2)
    }

    @Test func noRetryOnServerErrorStatus() async throws {
        let (exchange, hits) = try await withServer({ $0.maxRetries = 3 }) { server, transport in
            (await transport.send(get("/status/500")), server.snapshot.hits["/status/500"])
        }
        #expect(exchange.response?.status == 500)
        #expect(exchange.attempts == 1)
        #expect(hits == 1)
    }

    @Test func retryAfterIsHonoured() async throws {
        let exchanges = try await withServer({ $0.maxRetries = 3 }) { _, transport in
            await transport.sendAll([get("/retry-after/2"), get("/retry-after-date/1"), get("/unavailable/1")])
        }
        #expect(exchanges.map { $0.response?.status } == [200, 200, 200])
        #expect(exchanges.map(\.attempts) == [3, 2, 2])

        let limited = try await withServer({ $0.maxRetries = 1 }) { _, transport in
            await transport.send(get("/retry-after/5"))
        }
        #expect(limited.response?.status == 429)
        #expect(limited.attempts == 2)

        let ignored = try await withServer({ $0.honorRetryAfter = false }) { _, transport in
            await transport.send(get("/retry-after/1"))
        }
        #expect(ignored.response?.status == 429)
        #expect(ignored.attempts == 1)
    }

    @Test func neverCompletingResponseTimesOut() async throws {
        let exchange = try await withServer({
            $0.timeout = .milliseconds(300)
            $0.maxRetries = 1
        }) { _, transport in
            await transport.send(get("/hang"))
        }
        #expect(exchange.error?.kind == .timeout)
        #expect(exchange.attempts == 2)
    }

    @Test func bodyIsTruncatedAtTheLimit() async throws {
        let (big, exact) = try await withServer({ $0.maxResponseBytes = 100_000 }) { _, transport in
            (await transport.send(get("/big/8000000")), await transport.send(get("/big/100000")))
        }
        let response = try #require(big.response)
        #expect(response.bodyTruncated)
        #expect(response.body.count == 100_000)
        #expect(response.body.allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(exact.response?.bodyTruncated == false)
        #expect(exact.response?.body.count == 100_000)
    }

    @Test func redirects() async throws {
        let looped = try await withServer({ $0.maxRedirects = 3 }) { _, transport in
            await transport.send(get("/redirect/0"))
        }
        #expect(looped.error?.kind == .tooManyRedirects)
        #expect(looped.attempts == 1)

        let followed = try await withServer({ $0.maxRedirects = 3 }) { _, transport in
            await transport.send(get("/redirect-once"))
        }
        #expect(followed.response?.status == 200)
        #expect(followed.response?.header("X-URI") == "/echo/redirected")

        let notFollowed = try await withServer { _, transport in await transport.send(get("/redirect-once")) }
        #expect(notFollowed.response?.status == 302)
        #expect(notFollowed.response?.header("Location") == "/echo/redirected")
    }

    @Test func cancellationStopsLaunchingAndReportsCancelled() async throws {
        try await withServer({ $0.concurrency = 2 }) { server, transport in
            let task = Task { await transport.sendAll((0..<6).map { _ in get("/hang") }) }
            #expect(await server.wait { $0.requests.count == 2 })
            task.cancel()
            let exchanges = await task.value
            #expect(exchanges.count == 6)
            #expect(exchanges.allSatisfy { $0.error?.kind == .cancelled })
            #expect(exchanges.map(\.attempts) == [1, 1, 0, 0, 0, 0])
            #expect(server.snapshot.requests.count == 2)
        }
    }

    @Test func invalidOptionsAreRejected() {
        #expect(throws: TransportError.self) { try HTTPTransport(options: TransportOptions(baseURL: "ftp://x")) }
        #expect(throws: TransportError.self) { try HTTPTransport(options: TransportOptions(baseURL: "http://x?y")) }
        var options = TransportOptions(baseURL: "http://127.0.0.1:1")
        options.concurrency = 0
        #expect(throws: TransportError.self) { try HTTPTransport(options: options) }
        options.concurrency = 1
        options.caCertificatePath = "/nonexistent/ca.pem"
        do {
            _ = try HTTPTransport(options: options)
            Issue.record("a missing CA file must be rejected")
        } catch {
            #expect(error.kind == .tls)
        }
    }
}
