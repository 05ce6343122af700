import NIOCore
import NIOHTTP1
import NIOPosix
import SpecGateCore
import Testing

@testable import SpecGateHTTP

#if canImport(Glibc)
    import Glibc
#endif

/// Retries are safe: idempotent methods retry transport errors, POST and PATCH only when the request
/// provably never reached the server.
@Suite struct RetryPolicyTests {
    func request(_ method: SpecGateCore.HTTPMethod, _ path: String) -> PreparedRequest {
        PreparedRequest(
            method: method, pathAndQuery: path,
            headers: method == .get ? [] : [HeaderField(name: "Content-Type", value: "application/json")],
            body: method == .get ? nil : Array(#"{"title":"x"}"#.utf8))
    }

    @Test func policyTable() {
        let reset = TransportError(kind: .connectionReset, message: "reset")
        let timeout = TransportError(kind: .timeout, message: "read")
        let refused = TransportError(kind: .connectionRefused, message: "refused", neverSent: true)
        let dns = TransportError(kind: .other, message: "no such host", neverSent: true)
        let tls = TransportError(kind: .tls, message: "bad certificate")
        for method in [SpecGateCore.HTTPMethod.get, .head, .options, .put, .delete, .trace] {
            #expect(RetryPolicy.isIdempotent(method))
            #expect(RetryPolicy.mayRetry(reset, method: method) && RetryPolicy.mayRetry(timeout, method: method))
            #expect(RetryPolicy.mayRetry(refused, method: method) && RetryPolicy.mayRetry(dns, method: method))
            #expect(!RetryPolicy.mayRetry(tls, method: method))
            #expect(RetryPolicy.withheld(timeout, method: method) == nil)
        }
        for method in [SpecGateCore.HTTPMethod.post, .patch] {
            #expect(!RetryPolicy.isIdempotent(method))
            #expect(!RetryPolicy.mayRetry(reset, method: method) && !RetryPolicy.mayRetry(timeout, method: method))
            #expect(RetryPolicy.mayRetry(refused, method: method) && RetryPolicy.mayRetry(dns, method: method))
            #expect(
                RetryPolicy.withheld(timeout, method: method)?.contains("\(method.wireName) is not idempotent") == true)
            #expect(RetryPolicy.withheld(tls, method: method) == nil)
        }
    }

    @Test func neverSentClassification() {
        #expect(TransportErrorClassifier.neverSent(IOError(errnoCode: ECONNREFUSED, reason: "connect")))
        #expect(!TransportErrorClassifier.neverSent(IOError(errnoCode: ECONNRESET, reason: "read")))
        #expect(TransportErrorClassifier.neverSent(ChannelError.connectTimeout(.seconds(1))))
        #expect(!TransportErrorClassifier.neverSent(ChannelError.eof))
        #expect(TransportErrorClassifier.classify(ChannelError.connectTimeout(.seconds(1))).neverSent)
        #expect(!TransportErrorClassifier.neverSent(IOError(errnoCode: EPIPE, reason: "write")))
        // A close before the promised body is complete is a reset (retryable for idempotent methods), not garbage.
        #expect(TransportErrorClassifier.kind(of: HTTPParserError.invalidEOFState) == .connectionReset)
        #expect(TransportErrorClassifier.kind(of: HTTPParserError.invalidHeaderToken) == .invalidResponse)
        #expect(!TransportErrorClassifier.neverSent(HTTPParserError.invalidEOFState))
    }

    @Test func timedOutPostArrivesOnceAndGetIsRetried() async throws {
        let configure: (inout TransportOptions) -> Void = {
            $0.timeout = .milliseconds(300)
            $0.maxRetries = 2
        }
        let (post, posts) = try await withServer(configure) { server, transport in
            let exchange = await transport.send(request(.post, "/hang"))
            // Give a (wrong) retry time to arrive before counting.
            try await Task.sleep(for: .milliseconds(200))
            return (exchange, server.snapshot.requests.filter { $0.method == "POST" }.count)
        }
        #expect(post.error?.kind == .timeout)
        #expect(post.error?.neverSent == false)
        #expect(post.attempts == 1)
        #expect(posts == 1)
        #expect(post.error?.message.contains("not retried: POST is not idempotent") == true)

        let (get, gets) = try await withServer(configure) { server, transport in
            (await transport.send(request(.get, "/hang")), server.snapshot.hits["/hang"])
        }
        #expect(get.error?.kind == .timeout)
        #expect(get.attempts == 3)
        #expect(gets == 3)
        #expect(get.error?.message.contains("(after 3 attempts)") == true)
        #expect(get.error?.message.contains("not retried") == false)
    }

    @Test func resetPostAndPatchAreNotRetriedResetPutIs() async throws {
        let (exchanges, hits) = try await withServer({ $0.maxRetries = 2 }) { server, transport in
            let post = await transport.send(request(.post, "/reset/5"))
            let patch = await transport.send(request(.patch, "/reset/1"))
            let put = await transport.send(request(.put, "/reset/2"))
            return ([post, patch, put], server.snapshot.hits)
        }
        #expect(exchanges[0].error?.kind == .connectionReset)
        #expect(exchanges[0].attempts == 1)
        #expect(hits["/reset/5"] == 1)
        #expect(exchanges[1].error?.kind == .connectionReset)
        #expect(exchanges[1].attempts == 1)
        #expect(hits["/reset/1"] == 1)
        #expect(exchanges[2].response?.status == 200)
        #expect(exchanges[2].attempts == 3)
        #expect(hits["/reset/2"] == 3)
    }

    @Test func refusedPostIsRetriedBecauseItNeverLeft() async throws {
        let port = try await closedPort()
        var options = TransportOptions(baseURL: "http://127.0.0.1:\(port)")
        options.maxRetries = 2
        options.retryBaseDelay = .milliseconds(1)
        let exchange = try await HTTPTransport.withTransport(options: options) { await $0.send(request(.post, "/x")) }
        #expect(exchange.error?.kind == .connectionRefused)
        #expect(exchange.error?.neverSent == true)
        #expect(exchange.attempts == 3)
        #expect(exchange.error?.message.contains("not retried") == false)
    }

    @Test func withoutRetriesNothingIsAnnotated() async throws {
        let exchange = try await withServer({ $0.maxRetries = 0 }) { _, transport in
            await transport.send(request(.post, "/reset/1"))
        }
        #expect(exchange.error?.kind == .connectionReset)
        #expect(exchange.error?.message.contains("not retried") == false)
        #expect(exchange.error?.message.contains("attempts") == false)
    }
}
