/// A response as the checks see it: transport-independent, body already cut to the size limit.
public struct ObservedResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HeaderField]
    public var body: [UInt8]
    /// The body was cut at the configured maximum size.
    public var bodyTruncated: Bool
    /// Milliseconds of the whole exchange: connecting (when a new connection was opened), sending the
    /// request, waiting for the first byte and reading the full body.
    public var elapsedMilliseconds: Double
    /// Milliseconds from the request being written to the first byte of the answer; nil when unknown.
    public var firstByteMilliseconds: Double?
    /// Milliseconds spent opening the connection; nil when a kept-alive connection was reused.
    public var connectMilliseconds: Double?

    public init(
        status: Int, headers: [HeaderField], body: [UInt8], bodyTruncated: Bool = false, elapsedMilliseconds: Double
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// First value of a header, case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Every value of a header, case-insensitively.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }

    public var contentType: String? { header("Content-Type") }
}

extension String {
    /// Equal when ASCII letters are compared without case (how HTTP field names compare), without
    /// allocating lower-cased copies.
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let a = utf8
        let b = other.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let lx = x >= 65 && x <= 90 ? x + 32 : x
            let ly = y >= 65 && y <= 90 ? y + 32 : y
            if lx != ly { return false }
        }
        return true
    }
}
