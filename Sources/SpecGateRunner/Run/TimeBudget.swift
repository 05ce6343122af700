import Foundation

/// `run --max-time DURATION`: how long a run may keep making new cases ("30s", "2m", "500ms", "1h";
/// a bare number is seconds).
public struct TimeBudget: Sendable, Hashable, CustomStringConvertible {
    public var seconds: Double
    /// As the user wrote it ("30s"), for the report.
    public var text: String

    public init(seconds: Double) {
        self.seconds = seconds
        self.text = seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }

    /// Parses "500ms", "30s", "2m", "1h" or "45" (seconds); nil for anything else or a duration that is not positive.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, factor: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = Substring(trimmed)
        var factor = 1.0
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            number = trimmed.dropLast(unit.suffix.count)
            factor = unit.factor
            break
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(number),
            value.isFinite, value > 0
        else { return nil }
        self.seconds = value * factor
        self.text = trimmed
    }

    public var description: String { text }

    var duration: Duration { .nanoseconds(Int64((seconds * 1e9).rounded())) }
}
