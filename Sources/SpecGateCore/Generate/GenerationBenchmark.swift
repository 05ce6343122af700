/// Measures case-generation throughput (for `make bench`; tests never assert on timing).
public struct GenerationBenchmark: Sendable {
    /// What one measurement produced.
    public struct Result: Sendable, Hashable, CustomStringConvertible {
        public var operations: Int
        public var cases: Int
        public var findings: Int
        public var seconds: Double

        public var casesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }

        public var description: String {
            "generated \(cases) cases (\(findings) findings) for \(operations) operations in "
                + String(Int(seconds * 1000)) + " ms: " + String(Int(casesPerSecond)) + " cases/s"
        }
    }

    public var spec: APISpec
    public var options: GenerationOptions

    public init(spec: APISpec, options: GenerationOptions) {
        self.spec = spec
        self.options = options
    }

    /// Generates every operation's cases once per seed in `seeds`, operations in parallel
    /// (one child task per operation), and reports the totals and wall-clock time.
    public func run(seeds: [UInt64]) async -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        var cases = 0
        var findings = 0
        for seed in seeds {
            var options = self.options
            options.seed = seed
            let generator = CaseGenerator(spec: spec, options: options)
            let counts = await withTaskGroup(of: (Int, Int).self) { group in
                for operation in spec.operations {
                    group.addTask {
                        let set = generator.generate(for: operation)
                        return (set.cases.count, set.findings.count)
                    }
                }
                var total = (0, 0)
                for await c in group { total = (total.0 + c.0, total.1 + c.1) }
                return total
            }
            cases += counts.0
            findings += counts.1
        }
        let elapsed = clock.now - start
        let seconds = elapsed.seconds
        return Result(
            operations: spec.operations.count * seeds.count, cases: cases, findings: findings, seconds: seconds)
    }
}
