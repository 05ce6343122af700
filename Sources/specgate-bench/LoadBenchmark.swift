import SpecGateJSON

/// `load`: time to load, resolve and model a spec (or a suite: spec plus overlays), median of N runs.
struct LoadBenchmark: Sendable {
    let path: String
    let runs: Int
    let label: String

    init(_ arguments: BenchArguments) throws(BenchUsageError) {
        path = try arguments.string("path")
        runs = try arguments.int("runs", default: 15)
        label = arguments.string("label", default: path)
    }

    func run() throws -> BenchLine {
        let clock = ContinuousClock()
        var times: [Double] = []
        var last: BenchTarget?
        for _ in 0..<runs {
            let start = clock.now
            let target = try BenchTarget.load(path: path)
            times.append(BenchTiming.milliseconds(clock.now - start))
            last = target
        }
        var line = BenchLine(kind: "load")
        line.set("label", label)
        line.set("path", path)
        line.set("runs", runs)
        line.set("median_ms", BenchTiming.median(times))
        line.set("min_ms", times.min() ?? 0)
        line.set("max_ms", times.max() ?? 0)
        if let target = last {
            line.set("operations", target.spec.operations.count)
            line.set("selected_operations", target.selectedOperations)
            line.set("overlays", target.overlays)
            line.set("schemas", target.root["components"]?["schemas"]?.objectValue?.count ?? 0)
        }
        return line
    }
}
