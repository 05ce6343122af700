/// How `Workspace.load` reads a spec or suite.
public struct WorkspaceOptions: Sendable, Hashable {
    /// Allow `$ref`s and overlays outside the spec's or suite's folder tree.
    public var allowOutside: Bool
    /// Apply the suite's overlays (on by default; off shows the spec as written).
    public var applyOverlays: Bool

    public init(allowOutside: Bool = false, applyOverlays: Bool = true) {
        self.allowOutside = allowOutside
        self.applyOverlays = applyOverlays
    }
}
