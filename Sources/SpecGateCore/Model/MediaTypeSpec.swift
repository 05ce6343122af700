import SpecGateJSON

/// A media type entry of a request body, response or `content` parameter.
public struct MediaTypeSpec: Sendable, Hashable {
    /// As written in the spec, e.g. `application/json` or `application/*`.
    public var mediaType: String
    public var schema: JSONLocation?
    /// `example` and `examples[*].value`, in document order.
    public var examples: [JSONValue]
    /// The `encoding` object (for form and multipart bodies), as written.
    public var encoding: JSONObject?
    public var source: JSONLocation

    public init(mediaType: String, schema: JSONLocation?, examples: [JSONValue] = [], encoding: JSONObject? = nil, source: JSONLocation) {
        self.mediaType = mediaType
        self.schema = schema
        self.examples = examples
        self.encoding = encoding
        self.source = source
    }

    /// True for `application/json` and `+json` suffixed types (parameters ignored).
    public var isJSON: Bool {
        let essence = MediaTypeSpec.essence(of: mediaType)
        return essence == "application/json" || essence.hasSuffix("+json")
    }

    /// Type/subtype lower-cased without parameters: "application/json; charset=utf-8" → "application/json".
    public static func essence(of mediaType: String) -> String {
        let base = mediaType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? mediaType
        return base.trimmingWhitespace().lowercased()
    }

    /// Whether a concrete media type (e.g. from a Content-Type header) matches this entry, honouring
    /// wildcards such as `application/*` and `*/*`.
    public func matches(_ concrete: String) -> Bool {
        let pattern = MediaTypeSpec.essence(of: mediaType)
        let actual = MediaTypeSpec.essence(of: concrete)
        if pattern == "*/*" || pattern == actual { return true }
        if pattern.hasSuffix("/*") {
            return actual.hasPrefix(String(pattern.dropLast(1)))
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
