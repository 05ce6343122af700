/// One HTTP request as the sandbox API sees it (decoded from NIO by `SandboxHTTPHandler`).
struct SandboxRequest: Sendable {
    var method: String
    /// The raw request target (`/v2/bookings?take=1`).
    var target: String
    /// Header fields in arrival order, names as sent.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The path part of the target (before `?`).
    var path: String {
        if let q = target.firstIndex(of: "?") { return String(target[..<q]) }
        return target
    }

    /// The first value of the header named `name` (case-insensitive).
    /// A header's value as Node.js's HTTP server (which Cal.com's API runs on) gives it to the
    /// application: repeated lines of most headers joined with ", "; of the headers Node keeps once
    /// (`authorization`, `content-type`, `host`, …), the first line.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        let values = headers.filter { $0.name.lowercased() == lowered }.map(\.value)
        guard let first = values.first else { return nil }
        if values.count == 1 || Self.nodeKeepsFirst.contains(lowered) { return first }
        return values.joined(separator: ", ")
    }

    /// Headers whose duplicates Node.js discards (`IncomingMessage` `matchKnownFields`).
    static let nodeKeepsFirst: Set<String> = [
        "age", "authorization", "content-length", "content-type", "etag", "expires", "from", "host",
        "if-modified-since",
        "if-unmodified-since", "last-modified", "location", "max-forwards", "proxy-authorization", "referer",
        "retry-after", "server", "user-agent",
    ]

    /// Query parameters, percent-decoded (`+` is a space); nil when the query is not valid percent-encoded UTF-8.
    func queryItems() -> [(name: String, value: String)]? {
        guard let q = target.firstIndex(of: "?") else { return [] }
        var items: [(name: String, value: String)] = []
        for pair in target[target.index(after: q)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = SandboxRequest.percentDecode(parts[0], plusIsSpace: true),
                let value = SandboxRequest.percentDecode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
            else { return nil }
            items.append((name, value))
        }
        return items
    }

    /// Path segments after the leading `/`, percent-decoded; nil when a segment is not valid UTF-8.
    func pathSegments() -> [String]? {
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard let decoded = SandboxRequest.percentDecode(raw, plusIsSpace: false) else { return nil }
            segments.append(decoded)
        }
        if segments.last == "" { segments.removeLast() }
        return segments
    }

    static func percentDecode(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var it = Array(text.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let hi = hexValue(it[it.startIndex]), let lo = hexValue(it[it.startIndex + 1])
                else { return nil }
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else if plusIsSpace, b == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - 55
        default: return nil
        }
    }
}
