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
                // Far beyond `maxExponent`: refuse rather than overflow.
                guard value <= JSONNumber.maxExponent else { return nil }
                value = value * 10 + Int(b - 48)
                sawExp = true
                bytes = bytes.dropFirst()
            }
            if !sawExp { return nil }
            exponent = expNegative ? -value : value
        }
        if !bytes.isEmpty { return nil }
        self.init(negative: negative, digits: digits, exponent: exponent - fractionDigits, literal: literal)
        // Kept exact, but only within a range whose printed form parses back to the same number.
        if self.exponent.magnitude > JSONNumber.maxExponent { return nil }
    }

    /// Largest decimal exponent magnitude a number may have (after normalization); literals beyond it
    /// (`1e1000000000000000000`) are not numbers this library represents.
    public static let maxExponent = 1_000_000_000_000_000

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

    /// True when `self / divisor` is an integer, computed exactly for decimals such as 0.01 and for
    /// values beyond Int64 and Double (`1e400`, 400-digit integers).
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        // A non-zero value smaller in magnitude than the divisor is not a multiple of it.
        if JSONNumber.compareMagnitude(self, divisor) < 0 { return false }
        let e = min(exponent, divisor.exponent)
        let aScale = exponent - e
        let bScale = divisor.exponent - e
        // Divisor (scaled to an integer) fits in 64 bits: a's digits, then 10^aScale, modulo b.
        if divisor.significand.count + bScale <= 18,
            let b = UInt64(divisor.significand + String(repeating: "0", count: bScale))
        {
            var remainder: UInt64 = 0
            for d in significand.utf8 { remainder = (remainder &* 10 &+ UInt64(d - 48)) % b }
            return JSONNumber.multiplyModulo(remainder, JSONNumber.powerOfTen(aScale, modulo: b), b) == 0
        }
        // Larger divisors: exact long division over decimal digits while the work stays bounded.
        let dividendDigits = significand.utf8.count + aScale
        let divisorDigits = divisor.significand.utf8.count + bScale
        if dividendDigits <= 100_000, dividendDigits * divisorDigits <= 20_000_000 {
            let a = Array(significand.utf8).map { $0 - 48 } + [UInt8](repeating: 0, count: aScale)
            let b = Array(divisor.significand.utf8).map { $0 - 48 } + [UInt8](repeating: 0, count: bScale)
            return JSONNumber.remainderIsZero(a, b)
        }
        let q = doubleValue / divisor.doubleValue
        return q.isFinite && q == q.rounded()
    }

    /// (a × b) mod m without overflow.
    private static func multiplyModulo(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((product.high % m, product.low)).remainder
    }

    /// 10^exponent mod m by repeated squaring.
    private static func powerOfTen(_ exponent: Int, modulo m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m
        var base: UInt64 = 10 % m
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = multiplyModulo(result, base, m) }
            base = multiplyModulo(base, base, m)
            e >>= 1
        }
        return result
    }

    /// Whether the decimal digit string `a` is divisible by `b` (most significant digit first, b ≠ 0).
    private static func remainderIsZero(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let divisor = Array(b.drop { $0 == 0 })
        var remainder: [UInt8] = []
        for digit in a {
            if !(remainder.isEmpty && digit == 0) { remainder.append(digit) }
            // At most nine subtractions bring the remainder below the divisor.
            while !isLess(remainder, divisor) { subtract(divisor, from: &remainder) }
        }
        return remainder.isEmpty
    }

    /// Compares digit strings without leading zeros.
    private static func isLess(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count != b.count { return a.count < b.count }
        for (x, y) in zip(a, b) where x != y { return x < y }
        return false
    }

    /// a -= b for digit strings without leading zeros, a ≥ b; strips leading zeros of the result.
    private static func subtract(_ b: [UInt8], from a: inout [UInt8]) {
        var borrow: UInt8 = 0
        var i = a.count - 1
        var j = b.count - 1
        while i >= 0 {
            let subtrahend = (j >= 0 ? b[j] : 0) + borrow
            if a[i] >= subtrahend {
                a[i] -= subtrahend
                borrow = 0
            } else {
                a[i] = a[i] + 10 - subtrahend
                borrow = 1
            }
            i -= 1
            j -= 1
        }
        let zeros = a.prefix { $0 == 0 }.count
        a.removeFirst(zeros)
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
