import Foundation
import SpecGateCore
import SpecGateJSON

/// `parse`: time to parse one document's bytes into its value tree (`DocumentParser.parse`, the
/// step `load` starts with: no `$ref`s, no model), median of N runs. The file is read once, untimed.
struct ParseBenchmark: Sendable {
    let path: String
    let runs: Int
    let label: String

    init(_ arguments: BenchArguments) throws(BenchUsageError) {
        path = try arguments.string("path")
        runs = try arguments.int("runs", default: 7)
        label = arguments.string("label", default: path)
    }

    func run() throws -> BenchLine {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let uri = URL(fileURLWithPath: path).absoluteString
        let clock = ContinuousClock()
        var times: [Double] = []
        var members = 0
        for _ in 0..<runs {
            let start = clock.now
            let parsed = try DocumentParser.parseIndexed(bytes, uri: uri)
            times.append(BenchTiming.milliseconds(clock.now - start))
            members = parsed.positions?.memberCount ?? 0
        }
        var line = BenchLine(kind: "parse")
        line.set("label", label)
        line.set("path", path)
        line.set("bytes", bytes.count)
        line.set("runs", runs)
        line.set("median_ms", BenchTiming.median(times))
        line.set("min_ms", times.min() ?? 0)
        line.set("max_ms", times.max() ?? 0)
        line.set("indexed_members", members)
        return line
    }
}
