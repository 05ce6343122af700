import SpecGateJSON

/// A media type entry of a request body, response or `content` parameter.
public struct MediaTypeSpec: Sendable, Hashable {
    /// As written in the spec, e.g. `application/json` or `application/*`.
    public var mediaType: String {
        didSet { (essence, isJSON) = MediaTypeSpec.facts(of: mediaType) }
    }
    /// `mediaType`'s type/subtype, lower-cased, without parameters (worked out once: every response is
    /// matched against it).
    public private(set) var essence: String
    /// True for `application/json` and `+json` suffixed types (parameters ignored).
    public private(set) var isJSON: Bool
    public var schema: JSONLocation?
    /// `example` and `examples[*].value`, in document order.
    public var examples: [JSONValue]
    /// The `encoding` object (for form and multipart bodies), as written.
    public var encoding: JSONObject?
    public var source: JSONLocation

    public init(
        mediaType: String, schema: JSONLocation?, examples: [JSONValue] = [], encoding: JSONObject? = nil,
        source: JSONLocation
    ) {
        self.mediaType = mediaType
        (self.essence, self.isJSON) = MediaTypeSpec.facts(of: mediaType)
        self.schema = schema
        self.examples = examples
        self.encoding = encoding
        self.source = source
    }

    private static func facts(of mediaType: String) -> (essence: String, isJSON: Bool) {
        let essence = essence(of: mediaType)
        return (essence, essence == "application/json" || essence.hasSuffix("+json"))
    }

    /// Type/subtype lower-cased without parameters: "application/json; charset=utf-8" → "application/json".
    public static func essence(of mediaType: String) -> String {
        // ASCII (every real media type): one pass over the bytes, one allocation at most.
        let utf8 = mediaType.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var slice = utf8[..<(utf8.firstIndex(of: UInt8(ascii: ";")) ?? utf8.endIndex)]
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
            while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
            if !slice.contains(where: { (0x41...0x5A).contains($0) }) { return String(Substring(slice)) }
            return String(decoding: slice.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        let base = mediaType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? mediaType
        return base.trimmingWhitespace().lowercased()
    }

    /// Whether a concrete media type (e.g. from a Content-Type header) matches this entry, honouring
    /// wildcards such as `application/*` and `*/*`.
    public func matches(_ concrete: String) -> Bool {
        matches(essence: MediaTypeSpec.essence(of: concrete))
    }

    /// ``matches(_:)`` for a media type already reduced by ``essence(of:)`` (one reduction for many entries).
    public func matches(essence actual: String) -> Bool {
        if essence == "*/*" || essence == actual { return true }
        if essence.hasSuffix("/*") {
            return actual.hasPrefix(String(essence.dropLast(1)))
        }
        return false
    }
}

extension String {
    /// Leading and trailing spaces and tabs removed (no Foundation).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
