/// A forward proxy: where it listens, and the `Proxy-Authorization` its URL's user info gives.
public struct ProxyEndpoint: Sendable, Hashable {
    let origin: Origin
    /// `Basic …` from `http://user:password@proxy:3128`; sent to the proxy only, and never printed.
    let authorization: String?

    /// Parses a proxy URL (`http://[user:password@]host[:port]`; a bare `host:port` means http).
    public init(url text: String) throws(TransportError) {
        var text = text
        if !text.contains("://") { text = "http://" + text }
        guard let colon = text.firstIndex(of: ":") else {
            throw TransportError(kind: .invalidRequest, message: "proxy URL: expected http://host:port")
        }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" else {
            throw TransportError(
                kind: .invalidRequest, message: "proxy URL: only http:// proxies are supported (got \(scheme)://)")
        }
        var authority = text[text.index(colon, offsetBy: 3)...]
        if let slash = authority.firstIndex(of: "/") { authority = authority[..<slash] }
        var authorization: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authorization = "Basic " + Base64.encode(Array(ProxyEndpoint.percentDecoded(userInfo).utf8))
            authority = authority[authority.index(after: at)...]
        }
        do {
            origin = try Origin(scheme: "http", authority: authority)
        } catch {
            // The message would quote the user info; name only the host part.
            throw TransportError(kind: .invalidRequest, message: "proxy URL: malformed host or port '\(authority)'")
        }
        self.authorization = authorization
    }

    private static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Which proxy, if any, a request to an origin goes through: `HTTP_PROXY` for `http`, `HTTPS_PROXY` for
/// `https` (through a `CONNECT` tunnel), except for hosts that `NO_PROXY` names.
///
/// As in Go's `net/http`, loopback targets (`localhost`, `127.0.0.0/8`, `::1`) never go through a proxy,
/// so a sandbox on this machine is reached directly on a CI runner whose environment sets a proxy.
public struct ProxySettings: Sendable, Hashable {
    public var http: ProxyEndpoint?
    public var https: ProxyEndpoint?
    /// `NO_PROXY` entries: `*` (no proxy at all), a host or IP, `.example.com` or `example.com` (the domain
    /// and its subdomains), each optionally with `:port`.
    public var noProxy: [String]
    /// Loopback targets bypass the proxy (the default).
    public var bypassLoopback: Bool

    public init(
        http: ProxyEndpoint? = nil, https: ProxyEndpoint? = nil, noProxy: [String] = [], bypassLoopback: Bool = true
    ) {
        self.http = http
        self.https = https
        self.noProxy = noProxy
        self.bypassLoopback = bypassLoopback
    }

    /// Reads `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` (upper case first, then lower case) from an
    /// environment. An unparsable proxy URL is an error naming the variable (never its value, which may
    /// hold a password).
    public static func fromEnvironment(_ environment: [String: String]) throws(TransportError) -> ProxySettings {
        func value(_ name: String) -> (name: String, value: String)? {
            for key in [name.uppercased(), name.lowercased()] {
                if let text = environment[key], !text.trimmingCharacters(in: " \t").isEmpty { return (key, text) }
            }
            return nil
        }
        func endpoint(_ name: String) throws(TransportError) -> ProxyEndpoint? {
            guard let (key, text) = value(name) else { return nil }
            do {
                return try ProxyEndpoint(url: text.trimmingCharacters(in: " \t"))
            } catch {
                throw TransportError(kind: .invalidRequest, message: "\(key): \(error.message)")
            }
        }
        let noProxy = (value("no_proxy")?.value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: " \t") }
            .filter { !$0.isEmpty }
        return ProxySettings(http: try endpoint("http_proxy"), https: try endpoint("https_proxy"), noProxy: noProxy)
    }

    /// The proxy for requests to `origin`, or nil to connect directly.
    func proxy(for origin: Origin) -> ProxyEndpoint? {
        guard let proxy = origin.isTLS ? https : http else { return nil }
        if bypassLoopback, origin.isLoopback { return nil }
        let host = origin.host.lowercased()
        for entry in noProxy {
            if entry == "*" { return nil }
            var pattern = Substring(entry.lowercased())
            var port: Int?
            if let colon = pattern.lastIndex(of: ":"), !pattern.hasPrefix("["),
                let number = Int(pattern[pattern.index(after: colon)...])
            {
                port = number
                pattern = pattern[..<colon]
            }
            if pattern.hasPrefix("[") && pattern.hasSuffix("]") { pattern = pattern.dropFirst().dropLast() }
            if let port, port != origin.port { continue }
            if pattern.hasPrefix("*.") { pattern = pattern.dropFirst() }
            let domain = pattern.hasPrefix(".") ? pattern.dropFirst() : pattern
            if host == domain || host.hasSuffix("." + domain) { return nil }
        }
        return proxy
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}

/// Standard base64 (RFC 4648 §4), for `Proxy-Authorization: Basic`.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
