#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Latencies in bounded memory: a log-scale histogram (buckets 2% wide, from 1 µs to one hour), so a
/// run of any length keeps a few kilobytes per operation and figure. Percentiles are exact to within
/// one bucket (2%) and never outside the observed minimum and maximum.
public struct LatencyHistogram: Sendable, Hashable {
    private static let smallest = 0.001
    private static let growth = 1.02
    private static let logGrowth = 0.019802627296179712  // ln(1.02)
    private static let bucketCount = 1112

    private var buckets: [UInt32] = []
    public private(set) var count = 0
    public private(set) var minimum = Double.infinity
    public private(set) var maximum = 0.0

    public init() {}

    /// Adds one latency in milliseconds (negative and non-finite values are ignored).
    public mutating func record(_ milliseconds: Double) {
        guard milliseconds.isFinite, milliseconds >= 0 else { return }
        if buckets.isEmpty { buckets = Array(repeating: 0, count: Self.bucketCount) }
        buckets[Self.bucket(milliseconds)] &+= 1
        count += 1
        minimum = Swift.min(minimum, milliseconds)
        maximum = Swift.max(maximum, milliseconds)
    }

    /// The latency below which `fraction` (0…1) of the samples fall; nil when there are none.
    public func percentile(_ fraction: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = Swift.max(1, Int((fraction * Double(count)).rounded(.up)))
        var seen = 0
        for (index, n) in buckets.enumerated() where n > 0 {
            seen += Int(n)
            if seen >= rank { return Swift.min(maximum, Swift.max(minimum, Self.representative(index))) }
        }
        return maximum
    }

    /// p50, p95, p99 and the maximum, to the microsecond (as reports write them); nil when there are no samples.
    public var summary: LatencyPercentiles? {
        guard let p50 = percentile(0.50), let p95 = percentile(0.95), let p99 = percentile(0.99) else { return nil }
        func micro(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        return LatencyPercentiles(p50: micro(p50), p95: micro(p95), p99: micro(p99), max: micro(maximum))
    }

    private static func bucket(_ value: Double) -> Int {
        guard value > smallest else { return 0 }
        let index = Int(log(value / smallest) / logGrowth) + 1
        return Swift.min(bucketCount - 1, index)
    }

    /// The geometric middle of a bucket.
    private static func representative(_ index: Int) -> Double {
        guard index > 0 else { return 0 }
        return smallest * pow(growth, Double(index) - 0.5)
    }
}

/// p50, p95, p99 and maximum of one figure, in milliseconds.
public struct LatencyPercentiles: Sendable, Hashable {
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double

    public init(p50: Double, p95: Double, p99: Double, max: Double) {
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }
}

/// The latency figures of one operation's responses: the whole exchange, the time to the first byte,
/// and connecting (only exchanges that opened a connection).
public struct LatencySummary: Sendable, Hashable {
    /// Responses measured.
    public var samples: Int
    /// Whole exchange: connecting when needed, sending, waiting, reading the body. `max_response_time` judges this.
    public var total: LatencyPercentiles
    /// From the request written to the first response byte.
    public var firstByte: LatencyPercentiles?
    /// Opening a connection, over the exchanges that opened one.
    public var connect: LatencyPercentiles?

    public init(
        samples: Int, total: LatencyPercentiles, firstByte: LatencyPercentiles? = nil,
        connect: LatencyPercentiles? = nil
    ) {
        self.samples = samples
        self.total = total
        self.firstByte = firstByte
        self.connect = connect
    }
}

/// Collects the three figures of ``LatencySummary`` for one operation.
public struct LatencyRecorder: Sendable, Hashable {
    private var total = LatencyHistogram()
    private var firstByte = LatencyHistogram()
    private var connect = LatencyHistogram()

    public init() {}

    public mutating func record(_ response: ObservedResponse) {
        total.record(response.elapsedMilliseconds)
        if let value = response.firstByteMilliseconds { firstByte.record(value) }
        if let value = response.connectMilliseconds { connect.record(value) }
    }

    public var summary: LatencySummary? {
        guard let totals = total.summary else { return nil }
        return LatencySummary(
            samples: total.count, total: totals, firstByte: firstByte.summary, connect: connect.summary)
    }
}
