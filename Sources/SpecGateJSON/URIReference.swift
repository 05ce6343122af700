/// RFC 3986 reference resolution, enough for `$ref` and `$id` (no Foundation).
public enum URIReference {
    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        var recomposed: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    static func split(_ reference: String) -> Parts {
        var rest = Substring(reference)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var query: String?
        if let q = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        var scheme: String?
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.first, first.isLetter,
                candidate.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
            {
                scheme = String(candidate)
                rest = rest[rest.index(after: colon)...]
            }
        }
        var authority: String?
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        return Parts(scheme: scheme, authority: authority, path: String(rest), query: query, fragment: fragment)
    }

    /// Resolves `reference` against the absolute URI `base` (RFC 3986 §5.2).
    public static func resolve(_ reference: String, against base: String) -> String {
        let r = split(reference)
        let b = split(base)
        var t = Parts(scheme: nil, authority: nil, path: "", query: nil, fragment: r.fragment)
        if r.scheme != nil {
            t.scheme = r.scheme
            t.authority = r.authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
        } else {
            if r.authority != nil {
                t.authority = r.authority
                t.path = removeDotSegments(r.path)
                t.query = r.query
            } else {
                if r.path.isEmpty {
                    t.path = b.path
                    t.query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        t.path = removeDotSegments(r.path)
                    } else {
                        t.path = removeDotSegments(merge(base: b, path: r.path))
                    }
                    t.query = r.query
                }
                t.authority = b.authority
            }
            t.scheme = b.scheme
        }
        return t.recomposed
    }

    static func merge(base: Parts, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        let absolute = path.hasPrefix("/")
        var segments = input.split(separator: "/", omittingEmptySubsequences: false)
        if absolute { segments.removeFirst() }
        var trailingSlash = false
        for (i, segment) in segments.enumerated() {
            let isLast = i == segments.count - 1
            switch segment {
            case ".":
                if isLast { trailingSlash = true }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { trailingSlash = true }
            default:
                output.append(segment)
            }
        }
        input = ""
        var result = (absolute ? "/" : "") + output.joined(separator: "/")
        if trailingSlash && !result.hasSuffix("/") { result += "/" }
        return result
    }

    /// The URI without its fragment.
    public static func stripFragment(_ uri: String) -> String {
        // UTF-8 scan: this runs on every document lookup, so no Character iteration.
        guard let hash = uri.utf8.firstIndex(of: UInt8(ascii: "#")) else { return uri }
        return String(uri[..<hash])
    }

    /// The fragment (without "#"), or nil.
    public static func fragment(of uri: String) -> String? {
        guard let hash = uri.utf8.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        return String(uri[uri.utf8.index(after: hash)...])
    }

    /// A `file://` URI for an absolute file system path.
    public static func fileURI(forPath path: String) -> String {
        "file://" + JSONPointer.percentEncode(path).replacingAll("%2F", with: "/")
    }

    /// The file system path of a `file://` URI, or nil.
    public static func path(ofFileURI uri: String) -> String? {
        let parts = split(stripFragment(uri))
        guard parts.scheme == "file" else { return nil }
        return JSONPointer.percentDecode(parts.path)
    }
}
