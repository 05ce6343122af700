/// Size caps applied to text before it is written, so a huge response body cannot make a huge report.
public struct JUnitLimits: Sendable, Hashable {
    /// Maximum UTF-8 bytes of an attribute value (names, messages, property values).
    public var maxAttributeBytes: Int
    /// Maximum UTF-8 bytes of element text (failure details, `system-out`, `system-err`).
    public var maxTextBytes: Int

    /// Creates limits; the defaults are 8 KiB for attributes and 64 KiB for text.
    public init(maxAttributeBytes: Int = 8 << 10, maxTextBytes: Int = 64 << 10) {
        self.maxAttributeBytes = maxAttributeBytes
        self.maxTextBytes = maxTextBytes
    }
}
