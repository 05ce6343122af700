/// An exact decimal JSON number: sign × significand × 10^exponent.
///
/// The significand is kept as decimal digits with no leading or trailing zeros, so
/// numbers beyond Int64 and Double keep their value, `1.0 == 1`, and `1.0` is an integer.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let negative: Bool
    /// Decimal digits of the significand, no leading or trailing zeros ("0" for zero).
    public let significand: String
    public let exponent: Int
    /// Nearest Double (may be ±infinity for huge values).
    public let doubleValue: Double

    /// Parses a JSON number literal (also accepts what Swift prints for a Double, e.g. "1e-05").
    public init?(literal: String) {
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var bytes = Array(literal.utf8)[...]
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var sawDigit = false
        while let b = bytes.first, b >= 48, b <= 57 {
            digits.append(b)
            sawDigit = true
            bytes = bytes.dropFirst()
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            var sawFraction = false
            while let b = bytes.first, b >= 48, b <= 57 {
                digits.append(b)
                fractionDigits += 1
                sawFraction = true
                bytes = bytes.dropFirst()
            }
            if !sawFraction { return nil }
        }
        if !sawDigit { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expNegative = false
            if let s = bytes.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                expNegative = s == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            var value = 0
            var sawExp = false
            while let b = bytes.first, b >= 48, b <= 57 {
                if value < 100_000_000 { value = value * 10 + Int(b - 48) }
                sawExp = true
                bytes = bytes.dropFirst()
            }
            if !sawExp { return nil }
            exponent = expNegative ? -value : value
        }
        if !bytes.isEmpty { return nil }
        self.init(negative: negative, digits: digits, exponent: exponent - fractionDigits, literal: literal)
    }

    public init(_ value: Int) {
        let magnitude = value.magnitude
        self.init(negative: value < 0, digits: Array(String(magnitude).utf8), exponent: 0, literal: nil)
    }

    public init(_ value: Double) {
        if value.isNaN || value.isInfinite {
            self.init(negative: false, digits: [48], exponent: 0, literal: nil)
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            self.init(Int(value))
            return
        }
        // Swift prints the shortest representation that round-trips.
        self = JSONNumber(literal: "\(value)") ?? JSONNumber(0)
    }

    private init(negative: Bool, digits: [UInt8], exponent: Int, literal: String?) {
        var start = 0
        while start < digits.count - 1, digits[start] == 48 { start += 1 }
        var end = digits.count
        var exp = exponent
        while end - 1 > start, digits[end - 1] == 48 {
            end -= 1
            exp += 1
        }
        let sig = String(decoding: digits[start..<end], as: UTF8.self)
        if sig == "0" {
            self.negative = false
            self.significand = "0"
            self.exponent = 0
            self.doubleValue = 0
            return
        }
        self.negative = negative
        self.significand = sig
        self.exponent = exp
        let text = literal ?? ((negative ? "-" : "") + sig + "e" + String(exp))
        self.doubleValue = Double(text) ?? (negative ? -.infinity : .infinity)
    }

    public var isZero: Bool { significand == "0" }

    /// True when the value is integral (`1.0`, `1e3`).
    public var isInteger: Bool { exponent >= 0 }

    /// The value as Int when it is integral and fits.
    public var intValue: Int? {
        guard isInteger, significand.count + exponent <= 19 else { return nil }
        var text = significand
        if exponent > 0 { text += String(repeating: "0", count: exponent) }
        guard let magnitude = Int(text) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Number of decimal digits before the decimal point (order of magnitude), for comparisons.
    private var magnitudeOrder: Int { significand.count + exponent }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.compare(rhs) < 0
    }

    /// -1, 0 or 1, exactly.
    public func compare(_ other: JSONNumber) -> Int {
        if isZero && other.isZero { return 0 }
        let lhsSign = isZero ? 0 : (negative ? -1 : 1)
        let rhsSign = other.isZero ? 0 : (other.negative ? -1 : 1)
        if lhsSign != rhsSign { return lhsSign < rhsSign ? -1 : 1 }
        let magnitude = JSONNumber.compareMagnitude(self, other)
        return lhsSign < 0 ? -magnitude : magnitude
    }

    private static func compareMagnitude(_ a: JSONNumber, _ b: JSONNumber) -> Int {
        if a.magnitudeOrder != b.magnitudeOrder { return a.magnitudeOrder < b.magnitudeOrder ? -1 : 1 }
        let ad = Array(a.significand.utf8)
        let bd = Array(b.significand.utf8)
        let n = max(ad.count, bd.count)
        for i in 0..<n {
            let x = i < ad.count ? ad[i] : 48
            let y = i < bd.count ? bd[i] : 48
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// True when `self / divisor` is an integer, computed exactly for decimals such as 0.01.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        let e = min(exponent, divisor.exponent)
        let aScale = exponent - e
        let bScale = divisor.exponent - e
        if significand.count + aScale <= 18, divisor.significand.count + bScale <= 18,
            let a = UInt64(significand + String(repeating: "0", count: aScale)),
            let b = UInt64(divisor.significand + String(repeating: "0", count: bScale))
        {
            return a % b == 0
        }
        // Large values: long division over decimal digits of a (scaled) by b (must fit in UInt64).
        if divisor.significand.count + bScale <= 18,
            let b = UInt64(divisor.significand + String(repeating: "0", count: bScale))
        {
            var remainder: UInt64 = 0
            let digits = Array(significand.utf8)
            for d in digits { remainder = (remainder &* 10 &+ UInt64(d - 48)) % b }
            for _ in 0..<min(aScale, 100_000) { remainder = (remainder &* 10) % b }
            return remainder == 0
        }
        let q = doubleValue / divisor.doubleValue
        return q.isFinite && q == q.rounded()
    }

    /// Canonical JSON text (integers without exponent where reasonable).
    public var description: String {
        let sign = negative ? "-" : ""
        if exponent >= 0 {
            if significand.count + exponent <= 21 {
                return sign + significand + String(repeating: "0", count: exponent)
            }
            return sign + significand + "e" + String(exponent)
        }
        let fraction = -exponent
        if fraction < significand.count {
            let cut = significand.index(significand.endIndex, offsetBy: -fraction)
            return sign + significand[..<cut] + "." + significand[cut...]
        }
        if fraction - significand.count <= 6 {
            return sign + "0." + String(repeating: "0", count: fraction - significand.count) + significand
        }
        return sign + significand + "e" + String(exponent)
    }
}
