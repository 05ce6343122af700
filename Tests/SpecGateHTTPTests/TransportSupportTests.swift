import Testing

@testable import SpecGateHTTP

@Suite struct TransportSupportTests {
    @Test func baseURLJoining() throws {
        let plain = try BaseURL("http://127.0.0.1:8080")
        #expect(plain.url(for: "/v2/x?y=1") == "http://127.0.0.1:8080/v2/x?y=1")
        #expect(plain.url(for: "") == "http://127.0.0.1:8080/")
        #expect(plain.url(for: "?a=1") == "http://127.0.0.1:8080/?a=1")
        let prefixed = try BaseURL("HTTPS://api.example.com/api//")
        #expect(prefixed.url(for: "/v2/x") == "https://api.example.com/api/v2/x")
        #expect(prefixed.url(for: "v2/x") == "https://api.example.com/api/v2/x")
        #expect(prefixed.url(for: "") == "https://api.example.com/api")
        for bad in ["127.0.0.1:80", "ftp://h", "http://", "http:///x", "http://h/x?q", "http://h#f"] {
            #expect(throws: TransportError.self, "\(bad)") { try BaseURL(bad) }
        }
    }

    @Test func retryAfterValues() {
        #expect(RetryAfter.delay("0", now: 0) == .zero)
        #expect(RetryAfter.delay(" 120 ", now: 0) == .seconds(120))
        let now = 784_111_777.0  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.delay("Sunday, 06-Nov-94 08:49:39 GMT", now: now) == .seconds(2))
        #expect(RetryAfter.delay("Sun Nov  6 08:49:40 1994", now: now) == .seconds(3))
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        for bad in ["", "soon", "-5", "1.5", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT"] {
            #expect(RetryAfter.delay(bad, now: now) == nil, "\(bad)")
        }
        #expect(RetryAfter.httpDate("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
        #expect(RetryAfter.httpDate("Tue, 29 Feb 2000 12:00:00 GMT") == 951_825_600)
    }

    @Test func tokenBucketSpacesReservations() {
        var bucket = TokenBucket(rate: 10)
        let waits = (0..<4).map { _ in bucket.reserve(now: .zero) }
        #expect(waits.map { ($0.seconds * 1000).rounded() } == [0, 100, 200, 300])
        // After a long idle period the bucket holds only its capacity (one token).
        var idle = TokenBucket(rate: 10)
        _ = idle.reserve(now: .zero)
        #expect(idle.reserve(now: .seconds(60)) == .zero)
        #expect((idle.reserve(now: .seconds(60)).seconds * 1000).rounded() == 100)
        // Over any window, at most rate × window + capacity reservations start.
        var counted = TokenBucket(rate: 50)
        var startsWithinOneSecond = 0
        for step in 0..<200 {
            let now = Duration.milliseconds(step * 5)
            if now + counted.reserve(now: now) < .seconds(1) { startsWithinOneSecond += 1 }
        }
        #expect(startsWithinOneSecond <= 51)
        #expect(startsWithinOneSecond >= 49)
    }

    @Test func backoffGrowsExponentiallyWithBoundedJitter() async {
        func close(_ a: Duration, _ b: Duration) -> Bool { abs((a - b).seconds) < 1e-9 }
        #expect(
            close(RetryBackoff.delay(retry: 1, base: .milliseconds(100), cap: .seconds(10), unit: 0), .milliseconds(50))
        )
        #expect(
            close(
                RetryBackoff.delay(retry: 3, base: .milliseconds(100), cap: .seconds(10), unit: 0.5), .milliseconds(300)
            ))
        #expect(
            RetryBackoff.delay(retry: 40, base: .milliseconds(100), cap: .seconds(10), unit: 0.999_999) <= .seconds(10))
        let a = RetryBackoff(seed: 42, base: .milliseconds(100), cap: .seconds(10))
        let b = RetryBackoff(seed: 42, base: .milliseconds(100), cap: .seconds(10))
        var first: [Duration] = []
        var second: [Duration] = []
        for retry in 1...5 {
            first.append(await a.delay(retry: retry))
            second.append(await b.delay(retry: retry))
        }
        #expect(first == second)
        for (retry, delay) in zip(1..., first) {
            let full = Duration.milliseconds(100 * (1 << (retry - 1)))
            #expect(delay >= full / 2 && delay <= full)
        }
    }

    @Test func errorClassification() {
        #expect(TransportErrorClassifier.kind(of: CancellationError()) == .cancelled)
        #expect(TransportError.Kind.timeout.isRetryable)
        #expect(!TransportError.Kind.tooManyRedirects.isRetryable)
        #expect(TransportError(kind: .tls, message: "x").description == "tls: x")
    }
}
