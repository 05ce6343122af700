/// RFC 3986 percent-encoding for generated URLs.
public enum PercentEncoding {
    /// `ALPHA / DIGIT / "-" / "." / "_" / "~"`.
    public static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
        }
    }

    /// `gen-delims / sub-delims`.
    public static func isReserved(_ b: UInt8) -> Bool {
        ":/?#[]@!$&'()*+,;=".utf8.contains(b)
    }

    /// Every byte outside the unreserved set (and outside the reserved set too when `allowReserved`)
    /// becomes `%XX` (upper-case hex), UTF-8 first.
    public static func encode(_ text: String, allowReserved: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF")
        for b in text.utf8 {
            if isUnreserved(b) || (allowReserved && isReserved(b)) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out.append("%")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
        }
        return out
    }
}
