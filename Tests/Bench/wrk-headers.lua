-- wrk script: sends the Cal.com headers SpecGate sends (API key from BENCH_API_KEY) and prints a
-- machine-readable summary line (errors_status counts answers with status >= 400).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_API_KEY")
wrk.headers["cal-api-version"] = "2024-08-13"
wrk.headers["Accept"] = "application/json"

done = function(summary, latency, requests)
  io.write(string.format("BENCH_SUMMARY requests=%d duration_us=%d errors_status=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, latency:percentile(50), latency:percentile(99)))
end
