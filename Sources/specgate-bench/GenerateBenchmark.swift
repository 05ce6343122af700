import SpecGateCore

/// `generate`: cases generated per second for every operation of a spec (valid and invalid), through
/// the generator's own benchmark hook (`GenerationBenchmark`, operations in parallel), and the median
/// time to generate one operation's cases (operations one at a time).
struct GenerateBenchmark: Sendable {
    let path: String
    let seeds: Int

    init(_ arguments: BenchArguments) throws(BenchUsageError) {
        path = try arguments.string("path")
        seeds = try arguments.int("seeds", default: 3)
    }

    func run() async throws -> BenchLine {
        let target = try BenchTarget.load(path: path)
        let options = GenerationOptions(
            seed: 1, fixedHeaders: target.headers,
            credential: Credential(secret: "cal_bench_credential", envVar: "CAL_API_KEY", prefix: "cal_"))
        // Warm-up: compiles the schemas the generator checks values with, as a first run would.
        _ = await GenerationBenchmark(spec: target.spec, options: options).run(seeds: [0])
        let total = await GenerationBenchmark(spec: target.spec, options: options)
            .run(seeds: (1...UInt64(seeds)).map { $0 })

        let generator = CaseGenerator(spec: target.spec, options: options)
        let clock = ContinuousClock()
        var perOperation: [(id: String, ms: Double)] = []
        var sequentialCases = 0
        for operation in target.spec.operations {
            let start = clock.now
            let set = generator.generate(for: operation)
            perOperation.append((operation.id, BenchTiming.milliseconds(clock.now - start)))
            sequentialCases += set.cases.count
        }
        let times = perOperation.map(\.ms).sorted()
        let slowest = perOperation.max { $0.ms < $1.ms }

        var line = BenchLine(kind: "generate")
        line.set("path", path)
        line.set("operations", target.spec.operations.count)
        line.set("seeds", seeds)
        line.set("cases", total.cases)
        line.set("findings", total.findings)
        line.set("seconds", total.seconds)
        line.set("cases_per_second", total.casesPerSecond)
        line.set("per_operation_median_ms", BenchTiming.median(times))
        line.set("per_operation_p90_ms", times.isEmpty ? 0 : times[min(times.count - 1, times.count * 9 / 10)])
        line.set("per_operation_max_ms", times.last ?? 0)
        line.set("slowest_operation", slowest?.id ?? "")
        line.set("sequential_cases", sequentialCases)
        return line
    }
}
