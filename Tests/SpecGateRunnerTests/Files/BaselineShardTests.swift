import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateJUnit
import SpecGateRunner
import SpecGateSandbox
import Testing

/// JSON report decoding, baselines (accept, apply, fixed, expired), sharding and merging.
@Suite("Baselines, shards and merge", .serialized)
struct BaselineShardTests {
    static let listBookings = "BookingsController_2024_08_13_getBookings"

    /// A run of one operation against a sandbox with two contract faults: several findings.
    static func faultyReport() async throws -> RunReport {
        try await RunHarness.run(faults: [.enumOutOfSet, .undocumentedStatus]) { options in
            options.operations = [listBookings]
            options.maxCasesPerOperation = 6
        }
    }

    @Test("JSON report round-trips: encode → decode → encode is identical")
    func jsonRoundTrip() async throws {
        var report = try await Self.faultyReport()
        report.shard = Shard(index: 2, count: 3)
        let baseline = Baseline.accepting(report, reason: "known", expires: nil, today: "2026-01-01")
        report = baseline.apply(to: report, path: "b.yaml", today: "2026-01-02")
        #expect(!report.findings.isEmpty)
        let encoded = RunReportJSON.encode(report)
        let text = JSONWriter.pretty(encoded)
        let decoded = try RunReportJSONDecoder(file: "r.json").decode(bytes: Array(text.utf8))
        #expect(RunReportJSON.encode(decoded) == encoded)
        // Latency percentiles per operation survive the round trip.
        #expect(report.operations.contains { $0.latency != nil })
        #expect(decoded.operations.map(\.latency) == report.operations.map(\.latency))
        #expect(
            report.operations.allSatisfy { op in
                op.latency.map { $0.total.p50 <= $0.total.p95 && $0.total.p95 <= $0.total.max } ?? true
            })
        #expect(decoded.findings.map(\.fingerprint) == report.findings.map(\.fingerprint))
        #expect(decoded.findings.map(\.schemaLocation) == report.findings.map(\.schemaLocation))
        #expect(decoded.findings.map(\.instancePointer) == report.findings.map(\.instancePointer))
        #expect(decoded.operations.map(\.checks) == report.operations.map(\.checks))
        #expect(decoded.shard == Shard(index: 2, count: 3))
        #expect(decoded.suitePath == RunHarness.suite)
        #expect(decoded.baseline == report.baseline)
        #expect(decoded.exitCode == report.exitCode)
    }

    @Test("decoding errors name the file and the JSON pointer")
    func decodeError() throws {
        var report =
            RunReportJSON.encode(
                RunReport(
                    toolVersion: "0", suite: "s", specTitle: "t", baseURL: "u", seed: 1, startedAt: "x",
                    durationMilliseconds: 1,
                    checks: [], operations: [], findings: [], requests: 0, transportErrors: 0)
            ).objectValue ?? JSONObject()
        report["findings"] = [["kind": "failure"]]
        let error = #expect(throws: SpecLoadError.self) {
            try RunReportJSONDecoder(file: "bad.json").decode(.object(report))
        }
        #expect(error?.file == "bad.json")
        #expect(error?.pointer == JSONPointer("/findings/0/request"))
    }

    @Test("a baseline suppresses its findings; fixed and expired entries are reported")
    func baselineApply() async throws {
        let report = try await Self.faultyReport()
        #expect(report.exitCode == 1)
        let first = try #require(report.findings.first)
        let gone = BaselineEntry(
            fingerprint: "0000000000000000", operation: Self.listBookings, check: "c", message: "m",
            accepted: "2026-01-01")
        var baseline = Baseline.accepting(report, reason: "CAL-1", expires: "2026-06-30", today: "2026-01-01")
        baseline.entries.append(gone)
        #expect(baseline.entries.count == report.findings.count + 1)

        let accepted = baseline.apply(to: report, path: "baseline.yaml", today: "2026-06-30")
        #expect(accepted.exitCode == 0)
        #expect(accepted.failures.isEmpty)
        #expect(accepted.baselinedFindings.count == report.findings.count)
        #expect(accepted.baseline?.fixed.map(\.fingerprint) == [gone.fingerprint])
        #expect(accepted.baseline?.expired == [])

        // Only the first finding accepted: the others still fail the run.
        let partial = Baseline(entries: [baseline.entries[0]]).apply(to: report, path: "b", today: "2026-01-01")
        #expect(partial.baselinedFindings.map(\.fingerprint) == [first.fingerprint])
        #expect(partial.exitCode == (report.findings.count > 1 ? 1 : 0))

        // The day after expiry nothing is suppressed and every entry is listed as expired.
        let expired = baseline.apply(to: report, path: "b", today: "2026-07-01")
        #expect(expired.exitCode == 1)
        #expect(expired.baselinedFindings.isEmpty)
        #expect(expired.baseline?.expired.count == report.findings.count)

        // Views: JUnit has no failure left and names the fixed entry; the console says BASELINED.
        let junit = JUnitReportBuilder.build(accepted)
        #expect(junit.suites.flatMap(\.testCases).allSatisfy { if case .failure = $0.outcome { false } else { true } })
        let suite = try #require(junit.suites.first { $0.name == Self.listBookings })
        #expect(suite.properties.contains { $0.0 == "baseline.fixed" && $0.1 == gone.fingerprint })
        let console = ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(expired)
        #expect(console.contains("warning: expired 2026-06-30"))
        #expect(
            ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(accepted).contains(
                "BASELINED"))
    }

    @Test("baseline YAML round-trips and rejects bad entries with a pointer")
    func baselineYAML() throws {
        let baseline = Baseline(entries: [
            BaselineEntry(
                fingerprint: "00ab", operation: "op", check: "c", message: "a: \"quoted\" message", reason: "why",
                expires: "2026-12-31", accepted: "2026-01-01"),
            BaselineEntry(fingerprint: "1234", operation: "op2", check: "c2", message: "123", accepted: "2026-01-02"),
        ])
        let text = try baseline.yaml()
        #expect(try Baseline.parse(Array(text.utf8), file: "b.yaml") == baseline)
        let bad = "specgateBaseline: 1\nfindings:\n  - fingerprint: ab\n    expires: tomorrow\n"
        let error = #expect(throws: SpecLoadError.self) { try Baseline.parse(Array(bad.utf8), file: "b.yaml") }
        #expect(error?.pointer == JSONPointer("/findings/0/expires"))
        #expect(error?.line == 4)
    }

    @Test("shards partition the operations: each in exactly one shard", arguments: 1...6)
    func shardPartition(count: Int) throws {
        let ids = (0..<29).map { "op\($0 * 7 % 29)" }
        var seen: [String: Int] = [:]
        for index in 1...count {
            let shard = try #require(Shard(index: index, count: count))
            for id in shard.select(ids) { seen[id, default: 0] += 1 }
            #expect(shard.select(ids) == shard.select(ids.reversed()))
        }
        #expect(seen.count == ids.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(Shard("0/2") == nil && Shard("3/2") == nil && Shard("1/0") == nil && Shard("x") == nil)
        #expect(Shard("2/3") == Shard(index: 2, count: 3))
    }

    @Test("shard runs cover the whole run once and merge into one report")
    func shardRunsMerge() async throws {
        let whole = try await RunHarness.run(faults: [.enumOutOfSet]) { $0.maxCasesPerOperation = 3 }
        var parts: [RunReport] = []
        for index in 1...3 {
            parts.append(
                try await RunHarness.run(faults: [.enumOutOfSet]) { options in
                    options.maxCasesPerOperation = 3
                    options.shard = Shard(index: index, count: 3)
                })
        }
        #expect(parts.map { $0.shard?.index } == [1, 2, 3])
        // The operations each shard selects (its report may also list producers of linked identifiers).
        let ids = try (1...3).map { index in
            var options = RunOptions(
                path: RunHarness.suite, baseURL: "http://127.0.0.1:9", maxCasesPerOperation: 3,
                environment: ["CAL_API_KEY": RunHarness.ownerKey])
            options.shard = Shard(index: index, count: 3)
            return Set(try RunPreparation.prepare(options).operations.map(\.id))
        }
        #expect(ids[0].isDisjoint(with: ids[1]) && ids[1].isDisjoint(with: ids[2]) && ids[0].isDisjoint(with: ids[2]))
        #expect(ids[0].union(ids[1]).union(ids[2]) == Set(whole.operations.map(\.operationID)))

        let merged = try #require(ReportMerger.merge(parts))
        #expect(merged.shard == nil)
        #expect(Set(merged.operations.map(\.operationID)) == Set(whole.operations.map(\.operationID)))
        #expect(merged.operations.count == whole.operations.count)
        // The same findings as the unsharded run, with the same verdict per operation and check.
        #expect(Set(merged.findings.map(\.fingerprint)) == Set(whole.findings.map(\.fingerprint)))
        #expect(!whole.findings.isEmpty)
        #expect(merged.requests == parts.reduce(0) { $0 + $1.requests })
        #expect(Set(merged.findings.map(\.fingerprint)).count == merged.findings.count)
        #expect(merged.exitCode == 1)
        // The same findings merged twice: deduplicated, occurrences summed.
        let twice = try #require(ReportMerger.merge([merged, merged]))
        #expect(twice.findings.map(\.fingerprint) == merged.findings.map(\.fingerprint))
        #expect(twice.findings.map(\.occurrences) == merged.findings.map { $0.occurrences * 2 })
    }
}
