/// One header line as received: name in its original case and value.
public struct HTTPHeaderField: Sendable, Hashable {
    /// Header name, original case.
    public var name: String
    /// Header value.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
