import SpecGateCore
import SpecGateJSON
import Testing

@Suite("Replay (core)")
struct ReplayCoreTests {
    @Test("unmask is the inverse of mask for configured secrets, longest placeholder first")
    func unmask() {
        let masker = SecretMasker(secrets: [
            .init(value: "cal_live_0123456789", placeholder: "$CAL_API_KEY"),
            .init(value: "other-secret-value", placeholder: "$CAL_API_KEY_2"),
        ])
        let text = "Bearer cal_live_0123456789 and other-secret-value"
        let masked = masker.mask(text)
        #expect(masked == "Bearer $CAL_API_KEY and $CAL_API_KEY_2")
        #expect(masker.unmask(masked) == text)
    }

    @Test("exit code: 0 only when every replayed finding is fixed")
    func exitCode() {
        let request = RequestSummary(method: "GET", url: "http://x/a", headers: [], bodyExcerpt: nil, curl: "curl")
        func result(_ outcome: ReplayOutcome) -> ReplayResult {
            ReplayResult(
                fingerprint: "f", check: "c", operationID: "o", operationName: "GET /a", caseID: "o/valid/0",
                outcome: outcome,
                detail: "", request: request, status: 200)
        }
        func report(_ outcomes: [ReplayOutcome]) -> ReplayReport {
            ReplayReport(
                toolVersion: "t", source: "r.json", baseURL: "http://x", startedAt: "", results: outcomes.map(result))
        }
        #expect(report([.fixed, .fixed]).exitCode == 0)
        #expect(report([.fixed, .stillFailing]).exitCode == 1)
        #expect(report([.fixed, .notReproducible]).exitCode == 1)
        #expect(report([]).exitCode == 0, "nothing to replay: nothing still failing")
        let json = ReplayReportJSON.encode(report([.fixed, .notReproducible]))
        #expect(json["summary"]?["fixed"]?.intValue == 1)
        #expect(json["summary"]?["not-reproducible"]?.intValue == 1)
        #expect(json["results"]?[1]?["outcome"]?.stringValue == "not-reproducible")
    }
}
