/// Why a report could not be written, read or validated (the tool cannot go on).
public struct JUnitWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// File involved, if any (report path or XSD path).
    public var path: String?
    /// What went wrong; libxml2 messages are included verbatim.
    public var message: String

    /// Creates an error.
    public init(path: String? = nil, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        if let path { "\(path): \(message)" } else { message }
    }
}
