import Testing

@testable import SpecGateCore

@Suite struct LatencyHistogramTests {
    @Test func percentilesAreWithinOneBucketOfTheExactOnes() {
        var histogram = LatencyHistogram()
        // 1 … 1000 ms: the exact p50 is 500, p95 950, p99 990.
        for value in 1...1000 { histogram.record(Double(value)) }
        let summary = histogram.summary
        for (got, exact) in [(summary?.p50, 500.0), (summary?.p95, 950.0), (summary?.p99, 990.0)] {
            let value = got ?? 0
            #expect(abs(value - exact) / exact < 0.021, "\(value) vs \(exact)")
        }
        #expect(summary?.max == 1000)
        #expect(histogram.count == 1000)
    }

    @Test func oneSampleIsItsOwnPercentileAndBadValuesAreIgnored() {
        var histogram = LatencyHistogram()
        #expect(histogram.summary == nil)
        histogram.record(.nan)
        histogram.record(-1)
        histogram.record(.infinity)
        #expect(histogram.count == 0)
        histogram.record(3.7)
        #expect(histogram.summary == LatencyPercentiles(p50: 3.7, p95: 3.7, p99: 3.7, max: 3.7))
        histogram.record(0)
        histogram.record(7_200_000)  // two hours: above the last bucket, still counted as the maximum
        #expect(histogram.summary?.max == 7_200_000)
        #expect(histogram.percentile(0.01) == 0)
    }

    @Test func recorderKeepsConnectOnlyForNewConnections() {
        var recorder = LatencyRecorder()
        var fresh = ObservedResponse(status: 200, headers: [], body: [], elapsedMilliseconds: 12)
        fresh.firstByteMilliseconds = 8
        fresh.connectMilliseconds = 3
        var reused = ObservedResponse(status: 200, headers: [], body: [], elapsedMilliseconds: 4)
        reused.firstByteMilliseconds = 3
        recorder.record(fresh)
        recorder.record(reused)
        let summary = recorder.summary
        #expect(summary?.samples == 2)
        #expect(summary?.total.max == 12)
        #expect(summary?.firstByte?.max == 8)
        #expect(summary?.connect == LatencyPercentiles(p50: 3, p95: 3, p99: 3, max: 3))
    }

    @Test func maxResponseTimeNamesWhatItJudges() {
        var response = ObservedResponse(status: 200, headers: [], body: [], elapsedMilliseconds: 250)
        response.connectMilliseconds = 40
        response.firstByteMilliseconds = 200
        #expect(MaxResponseTime.breakdown(response) == " (connect 40 ms, first byte 200 ms)")
        #expect(MaxResponseTime(budgetMilliseconds: 100).summary.contains("whole exchange"))
    }
}

@Suite struct HeaderNameComparisonTests {
    @Test func asciiCaseIsIgnoredAndNothingElse() {
        #expect("Content-Type".equalsIgnoringASCIICase("content-type"))
        #expect("X-RATELIMIT-LIMIT-DEFAULT".equalsIgnoringASCIICase("x-ratelimit-limit-default"))
        #expect(!"Content-Type".equalsIgnoringASCIICase("Content-Typ"))
        #expect(!"a[".equalsIgnoringASCIICase("a{"), "only letters fold: [ and { differ by 32 too")
        #expect(!"É".equalsIgnoringASCIICase("é"))
        #expect("".equalsIgnoringASCIICase(""))
        let response = ObservedResponse(
            status: 200,
            headers: [HeaderField(name: "Allow", value: "GET"), HeaderField(name: "allow", value: "HEAD")], body: [],
            elapsedMilliseconds: 1)
        #expect(response.header("ALLOW") == "GET")
        #expect(response.headerValues("aLLow") == ["GET", "HEAD"])
    }
}
