/// An RFC 6901 JSON Pointer.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, Comparable {
    public var tokens: [String] {
        didSet { digest = Self.digest(of: tokens) }
    }
    /// A hash of the tokens, kept with them. Schemas, generator caches and checks look locations up by
    /// the thousand per second during a run; hashing a pointer is then one integer instead of every token's
    /// text. Appending folds one token in, so building a pointer step by step costs no more than before.
    private var digest: Int

    public init(tokens: [String] = []) {
        self.tokens = tokens
        self.digest = Self.digest(of: tokens)
    }

    private init(tokens: [String], digest: Int) {
        self.tokens = tokens
        self.digest = digest
    }

    private static func digest(of tokens: [String]) -> Int {
        tokens.reduce(0) { fold($0, $1) }
    }

    private static func fold(_ digest: Int, _ token: String) -> Int {
        (digest ^ token.hashValue) &* 0x100_0000_01b3 &+ 1
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.digest == rhs.digest && lhs.tokens == rhs.tokens
    }

    public static let root = JSONPointer()

    /// Parses "/a/b~1c". Accepts "" for the root and a leading "#" (URI fragment form,
    /// percent-decoded). Returns nil for text that is not a pointer.
    public init?(_ text: String) {
        var text = text
        if text.hasPrefix("#") {
            text.removeFirst()
            guard let decoded = JSONPointer.percentDecode(text) else { return nil }
            text = decoded
        }
        if text.isEmpty {
            self.init(tokens: [])
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var result: [String] = []
        for part in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(String(part)) else { return nil }
            result.append(token)
        }
        self.init(tokens: result)
    }

    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token], digest: Self.fold(digest, token))
    }

    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    public func appending(_ other: JSONPointer) -> JSONPointer {
        JSONPointer(tokens: tokens + other.tokens)
    }

    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    public var last: String? { tokens.last }

    public func hasPrefix(_ other: JSONPointer) -> Bool {
        tokens.count >= other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    /// "/a/b~1c" ("" for the root).
    public var description: String {
        tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }

    /// URI fragment form: "#/a/b~1c" with characters outside the fragment set percent-encoded.
    public var uriFragment: String {
        "#" + JSONPointer.percentEncode(description)
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }

    public static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }

    public static func unescape(_ token: String) -> String? {
        guard token.contains("~") else { return token }
        var out = ""
        var iterator = token.makeIterator()
        while let c = iterator.next() {
            if c == "~" {
                switch iterator.next() {
                case "0": out.append("~")
                case "1": out.append("/")
                default: return nil
                }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A non-negative array index without leading zeros, as RFC 6901 requires.
    public static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if token.count > 1 && token.hasPrefix("0") { return nil }
        return Int(token)
    }

    public static func percentDecode(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b == UInt8(ascii: "%") {
                guard utf8.count >= 2, let hi = hexValue(utf8[utf8.startIndex]),
                    let lo = hexValue(utf8[utf8.startIndex + 1])
                else { return nil }
                bytes.append(hi << 4 | lo)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    public static func percentEncode(_ text: String) -> String {
        var out = ""
        for b in text.utf8 {
            if isFragmentSafe(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }

    private static func isFragmentSafe(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~!$&'()*+,;=:@/?".utf8.contains(b)
        }
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
