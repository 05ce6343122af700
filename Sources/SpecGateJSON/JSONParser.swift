/// A strict RFC 8259 JSON parser over UTF-8 bytes, producing `JSONValue`.
///
/// Numbers keep their exact decimal value; nesting depth is bounded so hostile input cannot
/// exhaust the stack; duplicate keys are an error by default.
public struct JSONParser: Sendable {
    public enum DuplicateKeys: Sendable { case error, lastWins }

    public var maxDepth: Int
    public var duplicateKeys: DuplicateKeys

    public init(maxDepth: Int = 512, duplicateKeys: DuplicateKeys = .error) {
        self.maxDepth = maxDepth
        self.duplicateKeys = duplicateKeys
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }

    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var state = State(bytes: buffer, maxDepth: maxDepth, duplicateKeys: duplicateKeys)
            do throws(JSONParseError) {
                // Skip a UTF-8 byte order mark.
                if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { state.index = 3 }
                state.skipWhitespace()
                let value = try state.parseValue(depth: 0)
                state.skipWhitespace()
                if state.index != buffer.count { throw state.error(.trailingContent) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    struct State {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        let duplicateKeys: DuplicateKeys
        var index = 0
        var path: [String] = []

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, duplicateKeys: DuplicateKeys) {
            self.bytes = bytes
            self.maxDepth = maxDepth
            self.duplicateKeys = duplicateKeys
        }

        func error(_ kind: JSONParseError.Kind, at offset: Int? = nil) -> JSONParseError {
            let offset = min(offset ?? index, bytes.count)
            var line = 1
            var lineStart = 0
            for i in 0..<offset where bytes[i] == 10 {
                line += 1
                lineStart = i + 1
            }
            // Column counts characters, not bytes.
            var column = 1
            var i = lineStart
            while i < offset {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            return JSONParseError(
                kind: kind, offset: offset, line: line, column: column, pointer: JSONPointer(tokens: path))
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        func describe(_ byte: UInt8) -> String {
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return "0x" + String(byte, radix: 16, uppercase: true)
        }

        mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
            guard index < bytes.count else { throw error(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error(.unexpectedCharacter(describe(bytes[index])))
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw error(.unexpectedEnd) }
            let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
            for i in 0..<count where bytes[index + i] != expected[i] {
                throw error(.unexpectedCharacter(describe(bytes[index + i])), at: index + i)
            }
            index += count
        }

        mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
            if depth > maxDepth { throw error(.tooDeep(limit: maxDepth)) }
            index += 1
            var object = JSONObject()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                guard bytes[index] == UInt8(ascii: "\"") else {
                    throw error(.unexpectedCharacter(describe(bytes[index])))
                }
                let keyOffset = index
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                guard bytes[index] == UInt8(ascii: ":") else {
                    throw error(.unexpectedCharacter(describe(bytes[index])))
                }
                index += 1
                skipWhitespace()
                if object[key] != nil, duplicateKeys == .error {
                    throw error(.duplicateKey(key), at: keyOffset)
                }
                path.append(key)
                let value = try parseValue(depth: depth)
                path.removeLast()
                object[key] = value
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(object)
                default: throw error(.unexpectedCharacter(describe(bytes[index])))
                }
            }
        }

        mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
            if depth > maxDepth { throw error(.tooDeep(limit: maxDepth)) }
            index += 1
            var array: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(array)
            }
            while true {
                skipWhitespace()
                path.append(String(array.count))
                let value = try parseValue(depth: depth)
                path.removeLast()
                array.append(value)
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(array)
                default: throw error(.unexpectedCharacter(describe(bytes[index])))
                }
            }
        }

        mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw error(.invalidNumber, at: start) }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if bytes[index] >= 49 && bytes[index] <= 57 {
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            } else {
                throw error(.invalidNumber, at: start)
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                if index == fractionStart { throw error(.invalidNumber, at: start) }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                let expStart = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                if index == expStart { throw error(.invalidNumber, at: start) }
            }
            let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let number = JSONNumber(literal: literal) else { throw error(.invalidNumber, at: start) }
            return number
        }

        /// The text of UTF-8 `bytes`, nil when they are not valid UTF-8. ASCII needs no check; other text is
        /// decoded and compared with the bytes (decoding replaces invalid sequences, so a valid text decodes
        /// to exactly its bytes). `String(validating:as:)` did the same through unspecialised generic code
        /// that looked type metadata up for every string of every response.
        static func string(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
            let text = String(decoding: bytes, as: UTF8.self)
            return ascii || text.utf8.elementsEqual(bytes) ? text : nil
        }

        mutating func parseString() throws(JSONParseError) -> String {
            index += 1
            let start = index
            // Fast path: no escapes, ASCII or valid UTF-8.
            var ascii = true
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    guard let s = Self.string(slice, ascii: ascii) else { throw error(.invalidUTF8, at: start) }
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw error(.invalidString("unescaped control character"), at: index) }
                if b >= 0x80 { ascii = false }
                index += 1
            }
            guard index < bytes.count else { throw error(.unexpectedEnd) }
            // Slow path with escapes.
            var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    index += 1
                    guard let s = out.withUnsafeBufferPointer({ Self.string($0, ascii: false) }) else {
                        throw error(.invalidUTF8, at: start)
                    }
                    return s
                }
                if b < 0x20 { throw error(.invalidString("unescaped control character"), at: index) }
                if b != UInt8(ascii: "\\") {
                    out.append(b)
                    index += 1
                    continue
                }
                index += 1
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // High surrogate: a low surrogate must follow.
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error(.invalidString("unpaired surrogate")) }
                        index += 2
                        let low = try parseHex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw error(.invalidString("unpaired surrogate")) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw error(.invalidString("unpaired surrogate"))
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error(.invalidString("invalid escape")) }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw error(.invalidString("invalid escape \\\(Character(Unicode.Scalar(e)))"), at: index - 1)
                }
            }
            throw error(.unexpectedEnd)
        }

        mutating func parseHex4() throws(JSONParseError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error(.unexpectedEnd) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt32
                switch b {
                case 48...57: digit = UInt32(b - 48)
                case 65...70: digit = UInt32(b - 55)
                case 97...102: digit = UInt32(b - 87)
                default: throw error(.invalidString("invalid \\u escape"))
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}
