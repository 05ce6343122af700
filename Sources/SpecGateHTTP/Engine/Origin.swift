/// Where a connection goes: scheme, host and port. Connections are pooled per origin.
struct Origin: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    let scheme: String
    /// Host name or IP literal, without brackets.
    let host: String
    let port: Int

    var isTLS: Bool { scheme == "https" }

    /// `host[:port]` as sent in `Host` and `CONNECT`; the port is left out when it is the scheme's default.
    var authority: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isTLS ? 443 : 80
        return port == defaultPort ? shownHost : "\(shownHost):\(port)"
    }

    /// `host:port` always with the port (the request target of a `CONNECT`).
    var hostAndPort: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)"
    }

    var description: String { "\(scheme)://\(authority)" }

    /// Whether the host is this machine's loopback interface (`localhost`, `127.0.0.0/8`, `::1`).
    var isLoopback: Bool {
        let lower = host.lowercased()
        return lower == "localhost" || lower.hasSuffix(".localhost") || lower == "::1" || lower.hasPrefix("127.")
    }

    /// Whether the host is an IP literal (no SNI is sent for those).
    var hostIsIPAddress: Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in !part.isEmpty && part.allSatisfy(\.isASCIIDigit) }
    }

    /// Parses `scheme://host[:port]`, as found at the start of an absolute URL.
    init(scheme: String, authority: Substring) throws(TransportError) {
        func invalid(_ why: String) -> TransportError {
            TransportError(kind: .invalidRequest, message: "URL authority '\(authority)': \(why)")
        }
        let scheme = scheme.lowercased()
        guard scheme == "http" || scheme == "https" else { throw invalid("scheme must be http or https") }
        // Userinfo is never sent (credentials belong in headers).
        let hostPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        var host: Substring
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw invalid("unclosed IPv6 bracket") }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let rest = hostPort[hostPort.index(after: close)...]
            if rest.hasPrefix(":") {
                portText = rest.dropFirst()
            } else if !rest.isEmpty {
                throw invalid("junk after ']'")
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            host = hostPort
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" || $0.isNewline }) else {
            throw invalid("missing or malformed host")
        }
        let port: Int
        if let portText, !portText.isEmpty {
            guard let value = Int(portText), (1...65535).contains(value) else { throw invalid("bad port") }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }
        self.scheme = scheme
        self.host = String(host)
        self.port = port
    }
}

/// An absolute `http(s)` URL split into its origin and its request target (path and query).
struct AbsoluteURL: Sendable, Hashable {
    let origin: Origin
    /// Path and query, starting with `/`.
    let target: String

    var text: String { origin.description + target }

    init(origin: Origin, target: String) {
        self.origin = origin
        self.target = target
    }

    /// Parses `scheme://authority[/path][?query]`; a fragment is dropped.
    init(_ text: String) throws(TransportError) {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else {
            throw TransportError(kind: .invalidRequest, message: "URL '\(text)': expected scheme://host")
        }
        let afterScheme = text.index(colon, offsetBy: 3)
        var rest = text[afterScheme...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        origin = try Origin(scheme: String(text[..<colon]), authority: rest[..<end])
        let path = rest[end...]
        target = path.isEmpty ? "/" : (path.hasPrefix("?") ? "/" + path : String(path))
    }

    /// Resolves a `Location` header value against this URL (RFC 3986 §5.2, enough for redirects).
    func resolving(_ location: String) throws(TransportError) -> AbsoluteURL {
        let trimmed = location.trimmingBlanks
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return try AbsoluteURL(trimmed) }
        if trimmed.hasPrefix("//") { return try AbsoluteURL(origin.scheme + ":" + trimmed) }
        if trimmed.hasPrefix("/") { return AbsoluteURL(origin: origin, target: trimmed) }
        if trimmed.hasPrefix("?") {
            let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            return AbsoluteURL(origin: origin, target: path + trimmed)
        }
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "/"
        return AbsoluteURL(origin: origin, target: directory + trimmed)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate var trimmingBlanks: String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
