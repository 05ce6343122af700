import SpecGateJSON

/// One entry of an overlay's `actions`: a JSONPath target plus an update to merge or a removal.
public struct OverlayAction: Sendable, Hashable {
    public var target: JSONPath
    public var description: String?
    /// Merged into each target object, or appended to each target array.
    public var update: JSONValue?
    /// Removes each target from its parent (takes precedence over `update`).
    public var remove: Bool

    public init(target: JSONPath, description: String? = nil, update: JSONValue? = nil, remove: Bool = false) {
        self.target = target
        self.description = description
        self.update = update
        self.remove = remove
    }
}
