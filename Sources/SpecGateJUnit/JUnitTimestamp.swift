/// `timestamp` values for ``JUnitTestSuite``: the `xs:dateTime` lexical form both schemas accept.
public enum JUnitTimestamp {
    /// UTC time without a zone suffix (the form Ant, Surefire and Jenkins write), e.g. `2026-03-01T12:00:00`.
    /// - Parameter epochSeconds: seconds since 1970-01-01T00:00:00Z; fractions are dropped.
    public static func utc(epochSeconds: Int64) -> String {
        let days = floorDiv(epochSeconds, 86_400)
        let secondOfDay = epochSeconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    }

    /// Whether `text` is an `xs:dateTime` lexical value: `YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]`.
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var value = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        func byte(_ i: Int, _ c: Character) -> Bool { i < b.count && b[i] == c.asciiValue }
        guard let year = digits(0..<4), byte(4, "-"), let month = digits(5..<7), byte(7, "-"),
            let day = digits(8..<10), byte(10, "T"), let hour = digits(11..<13), byte(13, ":"),
            let minute = digits(14..<16), byte(16, ":"), let second = digits(17..<19)
        else { return false }
        guard year > 0, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24 || (hour == 24 && minute == 0 && second == 0), minute < 60, second < 60
        else { return false }
        var i = 19
        if byte(i, ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start else { return false }
        }
        if i == b.count { return true }
        if byte(i, "Z") { return i + 1 == b.count }
        guard byte(i, "+") || byte(i, "-"), let zh = digits(i + 1..<i + 3), byte(i + 3, ":"),
            let zm = digits(i + 4..<i + 6), i + 6 == b.count
        else { return false }
        return zh < 14 && zm < 60 || zh == 14 && zm == 0
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Howard Hinnant's days-to-civil algorithm.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
