/// One `enum` of a response schema: its values and those seen in response bodies (compact JSON).
public struct EnumCoverage: Sendable, Hashable {
    /// The schema holding the `enum` ("file:///…#/components/schemas/…/status").
    public var location: String
    public var values: [String]
    public var observed: [String]

    public init(location: String, values: [String], observed: [String]) {
        self.location = location
        self.values = values
        self.observed = observed
    }
}
