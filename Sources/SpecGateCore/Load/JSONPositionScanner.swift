import SpecGateJSON

/// Builds the `SourcePositions` of a JSON text in one forgiving pass (the text was already parsed
/// strictly; on malformed input it records what it got to and stops).
struct JSONPositionScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// A cursor that only moves forward, so turning offsets into lines and columns is linear overall.
    private var markOffset = 0
    private var markLine = 1
    private var markColumn = 1
    private var positions = SourcePositions()
    private static let maxDepth = 1_024

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func positions(of text: UnsafeBufferPointer<UInt8>) -> SourcePositions {
        var scanner = JSONPositionScanner(bytes: text)
        scanner.skipWhitespace()
        let (line, column) = scanner.mark(scanner.i)
        scanner.positions.rootLine = SourcePositions.clamp(line)
        scanner.positions.rootColumn = SourcePositions.clamp(column)
        scanner.positions.root = scanner.scanValue(depth: 0)
        return scanner.positions
    }

    private mutating func mark(_ offset: Int) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        while markOffset < end {
            let b = bytes[markOffset]
            if b == 0x0A {
                markLine += 1
                markColumn = 1
            } else if b & 0xC0 != 0x80 {
                markColumn += 1
            }
            markOffset += 1
        }
        return (markLine, markColumn)
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    /// Scans the value at `i`; returns its container index, or -1 for a scalar.
    private mutating func scanValue(depth: Int) -> Int32 {
        guard i < bytes.count, depth < JSONPositionScanner.maxDepth else { return -1 }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [SourcePositions.Member] = []
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { break }
                let (line, column) = mark(i)
                let key = readString()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { break }
                i += 1
                skipWhitespace()
                let child = scanValue(depth: depth + 1)
                members.append(
                    SourcePositions.Member(
                        key: key, line: SourcePositions.clamp(line), column: SourcePositions.clamp(column),
                        child: child,
                        isMerge: false))
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { break }
                i += 1
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1 }
            return positions.close(isMapping: true, members: members)
        case UInt8(ascii: "["):
            i += 1
            var members: [SourcePositions.Member] = []
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] != UInt8(ascii: "]") else { break }
                let (line, column) = mark(i)
                let child = scanValue(depth: depth + 1)
                members.append(
                    SourcePositions.Member(
                        key: "", line: SourcePositions.clamp(line), column: SourcePositions.clamp(column), child: child,
                        isMerge: false))
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { break }
                i += 1
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1 }
            return positions.close(isMapping: false, members: members)
        case UInt8(ascii: "\""):
            skipString()
            return -1
        default:
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return -1
                default: i += 1
                }
            }
            return -1
        }
    }

    private mutating func skipString() {
        i += 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        i += 1
    }

    /// Reads a string starting at the opening quote, decoding escapes.
    private mutating func readString() -> String {
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        var pendingHigh: UInt32?
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            guard bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                let hex = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[i..<min(i + 4, bytes.count)]), as: UTF8.self)
                i = min(i + 4, bytes.count)
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
        }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }
}
