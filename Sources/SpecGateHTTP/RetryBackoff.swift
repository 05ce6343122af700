/// Exponential backoff with "equal jitter" (half fixed, half random) from a seeded SplitMix64 generator.
actor RetryBackoff {
    private var state: UInt64
    private let base: Duration
    private let cap: Duration

    init(seed: UInt64, base: Duration, cap: Duration) {
        self.state = seed
        self.base = base
        self.cap = cap
    }

    /// The wait before retry number `retry` (1-based): `min(cap, base·2^(retry-1))`, halved, plus a random half.
    func delay(retry: Int) -> Duration {
        Self.delay(retry: retry, base: base, cap: cap, unit: nextUnit())
    }

    /// Pure form: `unit` in [0, 1) picks the jitter.
    static func delay(retry: Int, base: Duration, cap: Duration, unit: Double) -> Duration {
        let exponent = Double(max(0, min(retry - 1, 30)))
        let full = min(cap.seconds, base.seconds * pow2(exponent))
        return .seconds(full / 2 + full / 2 * unit)
    }

    private static func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }

    /// SplitMix64 → a double in [0, 1).
    private func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }
}
