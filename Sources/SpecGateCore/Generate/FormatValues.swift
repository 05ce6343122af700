/// Valid sample strings for the `format` values generation understands.
enum FormatValues {
    /// A value of `format`, or nil when the format is unknown (then only other keywords apply).
    static func value(for format: String, rng: inout SplitMix64) -> String? {
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        func hex(_ count: Int, _ rng: inout SplitMix64) -> String {
            let digits = Array("0123456789abcdef")
            return String((0..<count).map { _ in digits[rng.index(16)] })
        }
        switch format.lowercased() {
        case "date-time":
            return "2030-" + two(rng.int(in: 1...12)) + "-" + two(rng.int(in: 1...28)) + "T" + two(rng.int(in: 0...23))
                + ":" + two(rng.int(in: 0...3) * 15) + ":00Z"
        case "date":
            return "2030-" + two(rng.int(in: 1...12)) + "-" + two(rng.int(in: 1...28))
        case "time":
            return two(rng.int(in: 0...23)) + ":" + two(rng.int(in: 0...59)) + ":00Z"
        case "email", "idn-email":
            return "user" + String(rng.int(in: 1...9999)) + "@example.com"
        case "uri", "url", "iri", "uri-reference", "iri-reference":
            return "https://example.com/r" + String(rng.int(in: 1...9999))
        case "uuid":
            return hex(8, &rng) + "-" + hex(4, &rng) + "-4" + hex(3, &rng) + "-" + ["8", "9", "a", "b"][rng.index(4)]
                + hex(3, &rng) + "-" + hex(12, &rng)
        case "ipv4":
            return "192.0.2." + String(rng.int(in: 1...254))
        case "ipv6":
            return "2001:db8::" + hex(4, &rng)
        case "hostname", "idn-hostname":
            return "host" + String(rng.int(in: 1...999)) + ".example.com"
        case "phone":
            return "+1415555" + String(rng.int(in: 1000...9999))
        case "byte":
            return "c3BlY2dhdGU="
        case "binary", "password":
            return "specgate" + String(rng.int(in: 100...999))
        case "duration":
            return "PT" + String(rng.int(in: 1...59)) + "M"
        case "json-pointer":
            return "/a/" + String(rng.int(in: 0...9))
        default:
            return nil
        }
    }

    /// Integer bounds implied by a numeric `format`.
    static func integerBounds(for format: String) -> ClosedRange<Int>? {
        switch format {
        case "int32": return Int(Int32.min)...Int(Int32.max)
        case "int64": return Int(Int64.min)...Int(Int64.max)
        default: return nil
        }
    }
}
