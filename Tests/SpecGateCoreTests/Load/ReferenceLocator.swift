import SpecGateJSON
import Yams

/// The locator SpecGate used before `SourcePositions` (one re-scan of the text, or one Yams
/// re-compose, per pointer), kept as the straightforward reference the position index is checked
/// against.
enum ReferenceLocator {
    // MARK: JSON

    static func locateInJSON(_ pointer: JSONPointer, in text: ArraySlice<UInt8>) -> (line: Int, column: Int)? {
        var scanner = JSONTextScanner(bytes: Array(text))
        guard let offset = scanner.find(pointer.tokens[...]) else { return nil }
        return position(of: offset, in: scanner.bytes)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for b in bytes[..<min(offset, bytes.count)] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Walks an already well-formed JSON text without building values.
    private struct JSONTextScanner {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipWhitespace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
                i += 1
            }
        }

        /// Offset of the value named by `tokens` (of the key, for an object member).
        mutating func find(_ tokens: ArraySlice<String>) -> Int? {
            skipWhitespace()
            guard let token = tokens.first else { return i < bytes.count ? i : nil }
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "{") {
                i += 1
                while true {
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
                    let keyStart = i
                    let key = readString()
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    if key == token {
                        return tokens.count == 1 ? keyStart : find(tokens.dropFirst())
                    }
                    skipValue()
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return nil }
                    i += 1
                }
            }
            if bytes[i] == UInt8(ascii: "["), let wanted = JSONPointer.arrayIndex(token) {
                i += 1
                var index = 0
                while true {
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] != UInt8(ascii: "]") else { return nil }
                    if index == wanted { return find(tokens.dropFirst()) }
                    skipValue()
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return nil }
                    i += 1
                    index += 1
                }
            }
            return nil
        }

        /// Reads a string starting at the opening quote, decoding escapes.
        mutating func readString() -> String {
            i += 1
            var out: [UInt8] = []
            var pendingHigh: UInt32?
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        let hex = String(decoding: bytes[i..<min(i + 4, bytes.count)], as: UTF8.self)
                        i += 4
                        guard let unit = UInt32(hex, radix: 16) else { continue }
                        if (0xD800..<0xDC00).contains(unit) {
                            pendingHigh = unit
                            continue
                        }
                        var scalarValue = unit
                        if let high = pendingHigh, (0xDC00..<0xE000).contains(unit) {
                            scalarValue = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                        }
                        pendingHigh = nil
                        if let scalar = Unicode.Scalar(scalarValue) { out.append(contentsOf: String(scalar).utf8) }
                    default: out.append(e)
                    }
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            i += 1
            return String(decoding: out, as: UTF8.self)
        }

        mutating func skipValue() {
            skipWhitespace()
            guard i < bytes.count else { return }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: "\"") {
                        skipString()
                        continue
                    }
                    if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                    if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            return
                        }
                    }
                    i += 1
                }
            default:
                while i < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20
                        || b == 0x0A || b == 0x0D || b == 0x09
                    {
                        return
                    }
                    i += 1
                }
            }
        }

        mutating func skipString() {
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            i += 1
        }
    }

    // MARK: YAML

    static func locateInYAML(_ pointer: JSONPointer, in text: ArraySlice<UInt8>) -> (line: Int, column: Int)? {
        guard let string = String(validating: text, as: UTF8.self),
            let root = try? Yams.compose(yaml: string, .default, .default, .utf8),
            let mark = find(pointer.tokens[...], in: root)
        else { return nil }
        return (mark.line, mark.column)
    }

    private static func find(_ tokens: ArraySlice<String>, in node: Node) -> Mark? {
        guard let token = tokens.first else { return node.mark }
        switch node {
        case .mapping(let mapping):
            for (key, child) in mapping where key.scalar?.string == token {
                return tokens.count == 1 ? (key.mark ?? child.mark) : find(tokens.dropFirst(), in: child)
            }
            // Members that come from `<<` merge keys.
            for (key, child) in mapping where key.scalar?.string == "<<" {
                let sources: [Node]
                if case .sequence(let list) = child { sources = Array(list) } else { sources = [child] }
                for source in sources {
                    if let mark = find(tokens, in: source) { return mark }
                }
            }
            return nil
        case .sequence(let sequence):
            guard let index = JSONPointer.arrayIndex(token), index < sequence.count else { return nil }
            return find(tokens.dropFirst(), in: sequence[sequence.startIndex + index])
        default:
            return nil
        }
    }
}
