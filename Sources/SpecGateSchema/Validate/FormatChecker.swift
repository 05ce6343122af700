import SpecGateJSON
import SpecGateRegex

/// Checks `format` values. String formats ignore non-strings; numeric formats ignore non-numbers.
/// Unknown formats (e.g. `phone`) always pass.
public enum FormatChecker {
    /// Formats this checker asserts or knowingly accepts; anything else is unknown (lint may warn).
    public static let knownFormats: Set<String> = Set(Kind.allCases.map(\.rawValue))

    /// A recognised format.
    enum Kind: String, Sendable, CaseIterable {
        case dateTime = "date-time", date, time, email, uri, uriReference = "uri-reference", uuid
        case ipv4, ipv6, hostname, int32, int64, float, double, byte, binary, password
        case regex, jsonPointer = "json-pointer"
    }

    /// True when `value` satisfies the format called `name` (unknown names pass).
    public static func isValid(_ value: JSONValue, format name: String) -> Bool {
        guard let kind = Kind(rawValue: name) else { return true }
        return check(kind, value)
    }

    static func check(_ kind: Kind, _ value: JSONValue) -> Bool {
        switch value {
        case .string(let s):
            return checkString(kind, Array(s.utf8))
        case .number(let n):
            switch kind {
            case .int32: return n.isInteger && inRange(n, bits: 31)
            case .int64: return n.isInteger && inRange(n, bits: 63)
            case .float: return n.doubleValue.magnitude <= Double(Float.greatestFiniteMagnitude)
            case .double: return n.doubleValue.isFinite
            default: return true
            }
        default:
            return true
        }
    }

    private static func inRange(_ n: JSONNumber, bits: Int) -> Bool {
        guard let i = n.intValue else { return false }
        if bits == 63 { return true }
        return i >= -(1 << bits) && i < (1 << bits)
    }

    private static func checkString(_ kind: Kind, _ s: [UInt8]) -> Bool {
        switch kind {
        case .dateTime: return isDateTime(s)
        case .date: return isDate(s[...])
        case .time: return isTime(s[...])
        case .email: return isEmail(s)
        case .uri: return isURI(s, requireScheme: true)
        case .uriReference: return isURI(s, requireScheme: false)
        case .uuid: return isUUID(s)
        case .ipv4: return isIPv4(s[...])
        case .ipv6: return isIPv6(s)
        case .hostname: return isHostname(s)
        case .regex: return (try? ECMARegex(String(decoding: s, as: UTF8.self))) != nil
        case .jsonPointer: return isJSONPointer(s)
        case .int32, .int64, .float, .double, .byte, .binary, .password: return true
        }
    }

    // MARK: dates and times (RFC 3339)

    private static func digits(_ s: ArraySlice<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<(from + count) {
            guard i < s.endIndex, s[i] >= 48, s[i] <= 57 else { return nil }
            value = value * 10 + Int(s[i] - 48)
        }
        return value
    }

    private static func isDate(_ s: ArraySlice<UInt8>) -> Bool {
        let b = s.startIndex
        guard s.count == 10, s[b + 4] == UInt8(ascii: "-"), s[b + 7] == UInt8(ascii: "-"),
            let year = digits(s, b, 4), let month = digits(s, b + 5, 2), let day = digits(s, b + 8, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    private static func isTime(_ s: ArraySlice<UInt8>) -> Bool {
        let b = s.startIndex
        guard s.count >= 9, s[b + 2] == UInt8(ascii: ":"), s[b + 5] == UInt8(ascii: ":"),
            let hour = digits(s, b, 2), let minute = digits(s, b + 3, 2), let second = digits(s, b + 6, 2),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        var i = b + 8
        if i < s.endIndex, s[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < s.endIndex, s[i] >= 48, s[i] <= 57 { i += 1 }
            if i == start { return false }
        }
        guard i < s.endIndex else { return false }
        var offsetMinutes = 0
        switch s[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == s.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard s.endIndex - i == 6, s[i + 3] == UInt8(ascii: ":"), let oh = digits(s, i + 1, 2),
                let om = digits(s, i + 4, 2), oh <= 23, om <= 59
            else { return false }
            offsetMinutes = (oh * 60 + om) * (s[i] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            // A leap second is only valid at 23:59:60 UTC.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    private static func isDateTime(_ s: [UInt8]) -> Bool {
        guard s.count > 11 else { return false }
        let separator = s[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") else { return false }
        return isDate(s[0..<10]) && isTime(s[11...])
    }

    // MARK: internet names and addresses

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
    }

    private static func isHostname(_ s: [UInt8]) -> Bool {
        guard !s.isEmpty, s.count <= 253 else { return false }
        for label in s.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"),
                label.last != UInt8(ascii: "-"), label.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") })
            else { return false }
            // "xn--" labels must be punycode; other labels may not have "--" in positions 3-4.
            if label.count >= 4, label[label.startIndex + 2] == UInt8(ascii: "-"),
                label[label.startIndex + 3] == UInt8(ascii: "-")
            {
                let prefix = label.prefix(2).map { $0 | 0x20 }
                guard prefix == Array("xn".utf8) else { return false }
            }
        }
        return true
    }

    private static func isEmail(_ s: [UInt8]) -> Bool {
        guard let at = s.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = s[..<at]
        let domain = s[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return false }
        if local.first == UInt8(ascii: "\"") {
            guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
        } else {
            let allowed = Array("!#$%&'*+-/=?^_`{|}~.".utf8)
            guard local.allSatisfy({ isAlnum($0) || allowed.contains($0) || $0 >= 0x80 }),
                local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".")
            else { return false }
            for i in local.indices.dropLast() where local[i] == UInt8(ascii: ".") && local[i + 1] == UInt8(ascii: ".") {
                return false
            }
        }
        if domain.first == UInt8(ascii: "["), domain.last == UInt8(ascii: "]") {
            let inner = domain.dropFirst().dropLast()
            let v6 = Array("IPv6:".utf8)
            if inner.starts(with: v6) { return isIPv6(Array(inner.dropFirst(v6.count))) }
            return isIPv4(inner)
        }
        return isHostname(Array(domain))
    }

    private static func isIPv4(_ s: ArraySlice<UInt8>) -> Bool {
        let parts = s.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            if part.count > 1 && part.first == 48 { return false }
            let value = part.reduce(0) { $0 * 10 + Int($1 - 48) }
            if value > 255 { return false }
        }
        return true
    }

    private static func isIPv6(_ s: [UInt8]) -> Bool {
        guard !s.isEmpty, s.count <= 45 else { return false }
        var text = s[...]
        var groupsNeeded = 8
        // An embedded IPv4 address takes the last two groups.
        if let lastColon = text.lastIndex(of: UInt8(ascii: ":")), text[(lastColon + 1)...].contains(UInt8(ascii: ".")) {
            guard isIPv4(text[(lastColon + 1)...]) else { return false }
            text = text[...lastColon]
            if text.count >= 2, text[text.endIndex - 2] == UInt8(ascii: ":") {
                // "::1.2.3.4" keeps the double colon.
            } else {
                text = text.dropLast()
            }
            groupsNeeded = 6
        }
        let doubleColon: [UInt8] = [58, 58]
        var halves: [ArraySlice<UInt8>] = []
        if let range = text.firstRange(of: doubleColon) {
            let head = text[..<range.lowerBound]
            let tail = text[range.upperBound...]
            if tail.firstRange(of: doubleColon) != nil { return false }
            halves = [head, tail]
        } else {
            halves = [text]
        }
        var groupCount = 0
        for half in halves where !half.isEmpty {
            for group in half.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, group.allSatisfy(isHex) else { return false }
                groupCount += 1
            }
        }
        return halves.count == 2 ? groupCount < groupsNeeded : groupCount == groupsNeeded
    }

    private static func isUUID(_ s: [UInt8]) -> Bool {
        guard s.count == 36 else { return false }
        for (i, c) in s.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else if !isHex(c) {
                return false
            }
        }
        return true
    }

    /// RFC 3986 URI (scheme required) or URI reference.
    private static func isURI(_ s: [UInt8], requireScheme: Bool) -> Bool {
        let allowed = Array("-._~!$&'()*+,;=:@/?#[]%".utf8)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < s.count, isHex(s[i + 1]), isHex(s[i + 2]) else { return false }
                i += 3
                continue
            }
            guard isAlnum(c) || allowed.contains(c) else { return false }
            i += 1
        }
        if s.filter({ $0 == UInt8(ascii: "#") }).count > 1 { return false }
        let colon = s.firstIndex(of: UInt8(ascii: ":"))
        let firstDelimiter = s.firstIndex(where: {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
        })
        let hasScheme: Bool
        if let colon, colon > 0, firstDelimiter.map({ colon < $0 }) ?? true {
            let scheme = s[..<colon]
            guard let first = scheme.first, (first >= 65 && first <= 90) || (first >= 97 && first <= 122),
                scheme.allSatisfy({
                    isAlnum($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                })
            else { return false }
            hasScheme = true
            let rest = s[(colon + 1)...]
            if rest.starts(with: [47, 47]) {
                // Authority: brackets only around an IP literal.
                let authority = rest.dropFirst(2).prefix { $0 != 47 && $0 != 63 && $0 != 35 }
                if authority.contains(UInt8(ascii: "[")) || authority.contains(UInt8(ascii: "]")) {
                    guard let open = authority.firstIndex(of: 91), let close = authority.firstIndex(of: 93),
                        open < close
                    else { return false }
                }
            } else if rest.contains(UInt8(ascii: "[")) || rest.contains(UInt8(ascii: "]")) {
                return false
            }
        } else {
            if colon != nil, let colon, firstDelimiter.map({ colon < $0 }) ?? true { return false }
            hasScheme = false
            if s.contains(UInt8(ascii: "[")) || s.contains(UInt8(ascii: "]")) { return false }
        }
        return hasScheme || !requireScheme
    }

    private static func isJSONPointer(_ s: [UInt8]) -> Bool {
        if s.isEmpty { return true }
        guard s.first == UInt8(ascii: "/") else { return false }
        for (i, c) in s.enumerated() where c == UInt8(ascii: "~") {
            guard i + 1 < s.count, s[i + 1] == UInt8(ascii: "0") || s[i + 1] == UInt8(ascii: "1") else { return false }
        }
        return true
    }
}
