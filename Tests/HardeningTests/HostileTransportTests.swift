import SpecGateCore
import SpecGateHTTP
import Testing

/// ``HTTPTransport`` alone against the hostile server: what it reads, what it retries, what it follows.
@Suite(.serialized) struct HostileTransportTests {
    static func send(
        _ path: String, method: SpecGateCore.HTTPMethod = .get, configure: (inout TransportOptions) -> Void = { _ in }
    ) async throws -> (Exchange, HostileServer.State) {
        let server = try await HostileServer.start()
        var options = TransportOptions(baseURL: server.baseURL)
        options.timeout = .seconds(2)
        options.retryBaseDelay = .milliseconds(1)
        configure(&options)
        let exchange: Exchange
        do {
            exchange = try await HTTPTransport.withTransport(options: options) {
                await $0.send(PreparedRequest(method: method, pathAndQuery: path))
            }
        } catch {
            await server.stop()
            throw error
        }
        let state = server.snapshot
        await server.stop()
        return (exchange, state)
    }

    @Test func fiftyMegabytesAreCutAtTheLimitWithoutBeingRead() async throws {
        let limit = 1 << 20
        let (exchange, seen) = try await Self.send("/huge") { $0.maxResponseBytes = limit }
        let response = try #require(exchange.response)
        #expect(response.bodyTruncated)
        #expect(response.body.count == limit)
        // Reading stops in the chunk that crosses the limit (NIO reads at most 64 KiB at a time here; 1 MiB leaves room).
        #expect(
            response.bodyBytesReceived >= limit && response.bodyBytesReceived <= 2 * limit,
            "\(response.bodyBytesReceived)")
        #expect(seen.hugeCompleted == 0)
        #expect(seen.hugeBytesDelivered < HostileServer.hugeSize / 2, "\(seen.hugeBytesDelivered)")
        print(
            "hostile transport: 50 MB body, limit \(limit): \(response.bodyBytesReceived) bytes read, \(seen.hugeBytesDelivered) accepted by the socket"
        )
    }

    @Test func endlessHeadersAreRefusedNotBuffered() async throws {
        let (exchange, seen) = try await Self.send("/huge-headers") { $0.maxRetries = 0 }
        let error = try #require(exchange.error)
        print("hostile transport: endless headers → \(error); \(seen.hugeHeaderBytesDelivered) header bytes accepted")
        // NIO's parser gives up after about 80 KB of header bytes.
        #expect(error.kind == .invalidResponse)
        #expect(seen.hugeCompleted == 0)
    }

    @Test func redirectLoopIsNotFollowedByDefault() async throws {
        let (plain, seen) = try await Self.send("/redirect")
        #expect(plain.response?.status == 302)
        #expect(plain.response?.header("Location") == "/redirect")
        #expect(seen.count("GET", "/redirect") == 1)

        let (following, followed) = try await Self.send("/redirect") { $0.maxRedirects = 3 }
        #expect(following.error?.kind == .tooManyRedirects)
        #expect(following.attempts == 1)
        #expect(followed.count("GET", "/redirect") == 4)
    }

    @Test func controlCharactersInHeadersAreAnInvalidResponseNotRetried() async throws {
        let (exchange, seen) = try await Self.send("/control-headers") { $0.maxRetries = 2 }
        #expect(exchange.error?.kind == .invalidResponse)
        #expect(exchange.attempts == 1)
        #expect(seen.count("GET", "/control-headers") == 1)
    }

    @Test func slowDripTimesOut() async throws {
        let (exchange, seen) = try await Self.send("/drip") {
            $0.timeout = .seconds(1)
            $0.maxRetries = 0
        }
        #expect(exchange.error?.kind == .timeout)
        #expect(seen.count("GET", "/drip") == 1)
    }

    @Test func timedOutPostArrivesOnceResetGetIsRetried() async throws {
        let (post, posts) = try await Self.send("/post-hang", method: .post) {
            $0.timeout = .milliseconds(500)
            $0.maxRetries = 2
        }
        #expect(post.error?.kind == .timeout)
        #expect(post.attempts == 1)
        #expect(posts.count("POST", "/post-hang") == 1)

        let (get, gets) = try await Self.send("/reset") { $0.maxRetries = 2 }
        #expect(get.error?.kind == .connectionReset)
        #expect(get.attempts == 3)
        #expect(gets.count("GET", "/reset") == 3)

        let (patch, patches) = try await Self.send("/truncated", method: .patch) { $0.maxRetries = 2 }
        #expect(patch.error?.kind == .connectionReset)
        #expect(patch.attempts == 1)
        #expect(patches.count("PATCH", "/truncated") == 1)
    }
}
