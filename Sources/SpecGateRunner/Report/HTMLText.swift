/// Escaping for text placed in an HTML document (element content and double-quoted attribute values).
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, so it can never open a
    /// tag, close an attribute or start an entity.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A fragment identifier made only of `[A-Za-z0-9_-]` (other characters as `_xx` hex), safe in `id` and `href`.
    public static func anchor(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16)
                out += "_" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
