/// A validated base URL (`http[s]://authority[/prefix]`) that request paths are joined to.
struct BaseURL: Sendable, Hashable {
    /// `http` or `https`, lower case.
    let scheme: String
    /// Host and optional port.
    let authority: String
    /// Path prefix without a trailing slash; empty for none.
    let pathPrefix: String

    init(_ text: String) throws(TransportError) {
        func invalid(_ why: String) -> TransportError {
            TransportError(kind: .invalidRequest, message: "base URL '\(text)': \(why)")
        }
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else {
            throw invalid("expected scheme://host")
        }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { throw invalid("scheme must be http or https") }
        let rest = text[text.index(colon, offsetBy: 3)...]
        guard !rest.contains("?"), !rest.contains("#") else { throw invalid("must not have a query or fragment") }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<slash])
        guard !authority.isEmpty, !authority.contains(" ") else { throw invalid("missing or malformed host") }
        var prefix = String(rest[slash...])
        while prefix.hasSuffix("/") { prefix.removeLast() }
        self.scheme = scheme
        self.authority = authority
        self.pathPrefix = prefix
    }

    /// The request target (path and query) for a request's `pathAndQuery`, with the prefix kept.
    func target(for pathAndQuery: String) -> String {
        if pathAndQuery.hasPrefix("/") { return pathPrefix + pathAndQuery }
        if pathAndQuery.isEmpty { return pathPrefix.isEmpty ? "/" : pathPrefix }
        if pathAndQuery.hasPrefix("?") { return (pathPrefix.isEmpty ? "/" : pathPrefix) + pathAndQuery }
        return pathPrefix + "/" + pathAndQuery
    }

    /// The absolute URL for a request's `pathAndQuery` ("/v2/x?y=1"); the prefix is kept.
    func url(for pathAndQuery: String) -> String {
        let origin = "\(scheme)://\(authority)"
        if pathAndQuery.hasPrefix("/") { return origin + pathPrefix + pathAndQuery }
        if pathAndQuery.isEmpty { return origin + (pathPrefix.isEmpty ? "/" : pathPrefix) }
        if pathAndQuery.hasPrefix("?") { return origin + (pathPrefix.isEmpty ? "/" : pathPrefix) + pathAndQuery }
        return origin + pathPrefix + "/" + pathAndQuery
    }
}
