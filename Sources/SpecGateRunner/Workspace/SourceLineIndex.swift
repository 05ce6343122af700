import SpecGateCore
import SpecGateJSON

/// Line numbers of many locations at once, for reports that list many findings.
///
/// JSON documents are scanned once for all requested pointers (skipping subtrees no pointer enters);
/// other documents fall back to `LoadedDocuments.position(of:)`. Locations in documents converted from
/// Swagger 2.0 give the line where they were written in the original.
public struct SourceLineIndex: Sendable {
    private var lines: [JSONLocation: Int] = [:]

    public init(locations: [JSONLocation], in documents: LoadedDocuments) {
        // Locations of documents converted from Swagger 2.0 are looked up where they were written.
        var byDocument: [String: [(location: JSONLocation, source: JSONLocation)]] = [:]
        for location in locations {
            let source = documents.sourceLocation(of: location)
            byDocument[URIReference.stripFragment(source.document), default: []].append((location, source))
        }
        for (uri, group) in byDocument {
            guard let bytes = documents.sources[uri] else { continue }
            if SourceLineIndex.isJSON(bytes) {
                var scanner = Scanner(bytes: bytes, targets: Set(group.map(\.source.pointer.tokens)))
                scanner.scanDocument()
                for entry in group {
                    if let line = scanner.found[entry.source.pointer.tokens] { lines[entry.location] = line }
                }
            } else {
                for entry in group {
                    if let line = documents.position(of: entry.location)?.line { lines[entry.location] = line }
                }
            }
        }
    }

    /// The 1-based line where the value at `location` starts, when known.
    public func line(of location: JSONLocation) -> Int? { lines[location] }

    private static func isJSON(_ bytes: [UInt8]) -> Bool {
        for b in bytes {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue
            default: return b == UInt8(ascii: "{") || b == UInt8(ascii: "[")
            }
        }
        return false
    }

    /// A forgiving single-pass JSON scanner (the text was already parsed strictly) that records
    /// the line of each target pointer.
    private struct Scanner {
        let bytes: [UInt8]
        let targets: Set<[String]>
        /// Every proper prefix of a target: only these subtrees are entered.
        let prefixes: Set<[String]>
        var position = 0
        var line = 1
        var found: [[String]: Int] = [:]

        init(bytes: [UInt8], targets: Set<[String]>) {
            self.bytes = bytes
            self.targets = targets
            var prefixes = Set<[String]>()
            for target in targets {
                for length in 0..<target.count { prefixes.insert(Array(target.prefix(length))) }
            }
            self.prefixes = prefixes
        }

        mutating func scanDocument() {
            var path: [String] = []
            scanValue(&path)
        }

        private mutating func scanValue(_ path: inout [String]) {
            skipWhitespace()
            guard position < bytes.count else { return }
            if targets.contains(path) { found[path] = line }
            guard prefixes.contains(path) else {
                skipValue()
                return
            }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                while true {
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { break }
                    let key = readString()
                    skipWhitespace()
                    if position < bytes.count, bytes[position] == UInt8(ascii: ":") { position += 1 }
                    path.append(key)
                    scanValue(&path)
                    path.removeLast()
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { break }
                    position += 1
                }
                if position < bytes.count { position += 1 }
            case UInt8(ascii: "["):
                position += 1
                var index = 0
                while true {
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] != UInt8(ascii: "]") else { break }
                    path.append(String(index))
                    scanValue(&path)
                    path.removeLast()
                    index += 1
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { break }
                    position += 1
                }
                if position < bytes.count { position += 1 }
            default:
                skipValue()
            }
        }

        private mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x0A: line += 1
                case 0x20, 0x09, 0x0D: break
                default: return
                }
                position += 1
            }
        }

        /// Skips one value of any kind, counting lines.
        private mutating func skipValue() {
            var depth = 0
            while position < bytes.count {
                let b = bytes[position]
                switch b {
                case UInt8(ascii: "\""):
                    skipString()
                    if depth == 0 { return }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return }
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return
                    }
                case UInt8(ascii: ","):
                    if depth == 0 { return }
                case 0x0A:
                    line += 1
                default:
                    break
                }
                position += 1
            }
        }

        private mutating func skipString() {
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""):
                    position += 1
                    return
                default: position += 1
                }
            }
        }

        /// Reads a string literal, decoding escapes.
        private mutating func readString() -> String {
            position += 1
            var out: [UInt8] = []
            while position < bytes.count {
                let b = bytes[position]
                position += 1
                switch b {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { break }
                    let e = bytes[position]
                    position += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"): out.append(contentsOf: readUnicodeEscape())
                    default: out.append(e)
                    }
                default:
                    out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        private mutating func readUnicodeEscape() -> [UInt8] {
            func hex4(_ scanner: inout Scanner) -> UInt32? {
                guard scanner.position + 4 <= scanner.bytes.count,
                    let value = UInt32(String(decoding: scanner.bytes[scanner.position..<scanner.position + 4], as: UTF8.self), radix: 16)
                else { return nil }
                scanner.position += 4
                return value
            }
            guard var scalar = hex4(&self) else { return [] }
            if (0xD800...0xDBFF).contains(scalar), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            {
                position += 2
                if let low = hex4(&self) { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00) }
            }
            return Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        }
    }
}
