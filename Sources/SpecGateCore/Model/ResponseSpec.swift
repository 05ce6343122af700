import SpecGateJSON

/// One documented response of an operation, `$ref`s resolved.
public struct ResponseSpec: Sendable, Hashable {
    public var status: StatusPattern
    public var description: String
    public var content: [MediaTypeSpec]
    public var headers: [HeaderSpec]
    public var links: [LinkSpec]
    public var source: JSONLocation

    public init(
        status: StatusPattern, description: String, content: [MediaTypeSpec], headers: [HeaderSpec] = [],
        links: [LinkSpec] = [], source: JSONLocation
    ) {
        self.status = status
        self.description = description
        self.content = content
        self.headers = headers
        self.links = links
        self.source = source
    }
}
