/// Serialises `JSONValue` as JSON text: compact, pretty (two-space indent) or canonical (sorted keys).
public struct JSONWriter: Sendable {
    public var pretty: Bool
    public var sortedKeys: Bool
    /// Escape "/" as "\/" (never needed; off by default).
    public var escapeSlashes: Bool

    public init(pretty: Bool = false, sortedKeys: Bool = false, escapeSlashes: Bool = false) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
        self.escapeSlashes = escapeSlashes
    }

    public static func compact(_ value: JSONValue) -> String {
        JSONWriter().string(value)
    }

    public static func pretty(_ value: JSONValue) -> String {
        JSONWriter(pretty: true).string(value)
    }

    /// Sorted keys, no whitespace: equal values give equal text.
    public static func canonical(_ value: JSONValue) -> String {
        JSONWriter(sortedKeys: true).string(value)
    }

    public func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out, indent: 0)
        return out
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    private func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.description.utf8)
        case .string(let s): JSONWriter.writeString(s, into: &out, escapeSlashes: escapeSlashes)
        case .array(let a):
            if a.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent + 1) }
                write(element, into: &out, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            let keys: [String] = sortedKeys ? o.keys.sorted() : Array(o.keys)
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent + 1) }
                JSONWriter.writeString(key, into: &out, escapeSlashes: escapeSlashes)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(0x20) }
                write(o[key] ?? .null, into: &out, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        writeString(s, into: &out, escapeSlashes: false)
        return String(decoding: out, as: UTF8.self)
    }

    static func writeString(_ s: String, into out: inout [UInt8], escapeSlashes: Bool) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "/") where escapeSlashes: out.append(contentsOf: "\\/".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                let hex = Array("0123456789abcdef".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
