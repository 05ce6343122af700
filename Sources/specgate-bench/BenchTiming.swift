import SpecGateCore

/// Timing helpers over `ContinuousClock`.
enum BenchTiming {
    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> Double {
        duration.seconds
    }

    /// `duration` in milliseconds.
    static func milliseconds(_ duration: Duration) -> Double { duration.milliseconds }

    /// The median of `values` (mean of the middle two for an even count); 0 for none.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
