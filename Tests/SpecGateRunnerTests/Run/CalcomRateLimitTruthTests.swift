import SpecGateCore
import SpecGateRunner
import Testing

/// Issue 15: the shipped Cal.com suite asserts only what Cal.com promises about rate limits. Cal.com's API v2
/// names the headers after the throttler (`X-RateLimit-Limit-Default`, ...) and does not promise them on
/// every response, so the overlay documents them as optional. (The sandbox's names: EndpointTests, FaultTests.)
@Suite("Cal.com rate-limit headers")
struct CalcomRateLimitTruthTests {
    static let documented = ["X-RateLimit-Limit-Default", "X-RateLimit-Remaining-Default", "X-RateLimit-Reset-Default"]

    static func prepared() throws -> PreparedRun {
        try RunPreparation.prepare(
            RunOptions(
                path: RunHarness.suite, baseURL: "http://127.0.0.1:9", seed: 1, concurrency: 1, timeoutSeconds: 5,
                retries: 0, environment: ["CAL_API_KEY": RunHarness.ownerKey]))
    }

    @Test("the overlay documents the suffixed names, none of them required, and no bare X-RateLimit-* header")
    func overlayHeadersAreOptional() throws {
        let run = try Self.prepared()
        let headers = run.operations.flatMap { $0.responses.flatMap(\.headers) }
        let rateLimit = headers.filter { $0.name.lowercased().hasPrefix("x-ratelimit") }
        #expect(!rateLimit.isEmpty, "the overlay still documents the rate-limit headers")
        for header in rateLimit {
            #expect(Self.documented.contains(header.name), "\(header.name) is not a name Cal.com documents")
            #expect(
                !header.required, "\(header.name) must not be required: Cal.com does not promise it on every response")
        }
        #expect(Set(rateLimit.map(\.name)) == Set(Self.documented))
    }
}
