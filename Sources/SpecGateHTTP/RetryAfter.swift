#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parsing of the `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
enum RetryAfter {
    /// The wait the header asks for, relative to `now` (Unix seconds); nil if the value is malformed.
    /// Dates in the past give zero.
    static func delay(_ value: String, now: Double) -> Duration? {
        let trimmed = value.trimmingSpaces
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard trimmed.utf8.count <= 9, let seconds = Int64(trimmed) else { return .seconds(999_999_999) }
            return .seconds(seconds)
        }
        guard let date = httpDate(trimmed) else { return nil }
        return .seconds(max(0, Double(date) - now))
    }

    /// Current wall-clock time in Unix seconds.
    static func wallClockNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Unix seconds of an IMF-fixdate, RFC 850 or asctime date (always GMT); nil if malformed.
    static func httpDate(_ text: String) -> Int64? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        guard let monthIndex = tokens.firstIndex(where: { months.contains($0.lowercased()) }),
            let month = months.firstIndex(of: tokens[monthIndex].lowercased()),
            let time = tokens.first(where: { $0.contains(":") })
        else { return nil }
        let numbers = tokens.enumerated().filter { $0.offset != monthIndex && Int($0.element) != nil }
        guard numbers.count == 2 else { return nil }
        // In all three formats the day comes before the year.
        let (dayText, yearText) = (numbers[0].element, numbers[1].element)
        guard let day = Int64(dayText), var year = Int64(yearText), (1...31).contains(day) else { return nil }
        if yearText.count == 2 { year += year < 70 ? 2000 : 1900 }
        let parts = time.split(separator: ":").compactMap { Int64($0) }
        guard parts.count == 3, parts[0] < 24, parts[1] < 60, parts[2] < 61 else { return nil }
        if let last = tokens.last, Int(last) == nil, last != "GMT" { return nil }
        return daysFromCivil(year: year, month: Int64(month + 1), day: day) * 86_400
            + parts[0] * 3600 + parts[1] * 60 + parts[2]
    }

    /// Howard Hinnant's days-from-civil algorithm (days since 1970-01-01).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
