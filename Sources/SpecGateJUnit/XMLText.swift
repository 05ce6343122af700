/// Text preparation for XML 1.0 output: forbidden characters, size caps and number formats.
enum XMLText {
    /// Whether a scalar may appear in an XML 1.0 document (production `Char`).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// Replaces every character XML 1.0 forbids by its visible escape, e.g. U+001B by the text `\u001B`.
    static func sanitize(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) {
                result.append(scalar)
            } else {
                result.append(contentsOf: "\\u\(hex4(scalar.value))".unicodeScalars)
            }
        }
        return String(result)
    }

    /// Cuts `text` to at most `limit` UTF-8 bytes (on a scalar boundary) and appends a marker saying so.
    static func truncate(_ text: String, limit: Int) -> String {
        let total = text.utf8.count
        guard total > limit else { return text }
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars {
            let width = String(scalar).utf8.count
            if bytes + width > limit { break }
            kept.append(scalar)
            bytes += width
        }
        return String(kept) + "\n[truncated by SpecGate: \(bytes) of \(total) bytes shown]"
    }

    /// Sanitizes, then truncates.
    static func prepare(_ text: String, limit: Int) -> String {
        truncate(sanitize(text), limit: max(0, limit))
    }

    /// Seconds with exactly three decimals and no exponent, e.g. `0.123`, `12.000`.
    /// Negative, NaN and infinite values become `0.000`; values are capped at 10^12 s.
    static func formatSeconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0.000" }
        let millis = Int64((min(seconds, 1e12) * 1000).rounded())
        let whole = millis / 1000
        let fraction = millis % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(whole).\(padded)"
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
