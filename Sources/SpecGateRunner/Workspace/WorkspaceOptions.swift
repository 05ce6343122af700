/// How `Workspace.load` reads a spec or suite.
public struct WorkspaceOptions: Sendable, Hashable {
    /// Allow `$ref`s and overlays outside the spec's or suite's folder tree.
    public var allowOutside: Bool
    /// Apply the suite's overlays (on by default; off shows the spec as written).
    public var applyOverlays: Bool
    /// Environment for `${VAR}` references in a suite; nil (commands that send nothing) uses the
    /// defaults and keeps references to unset variables as written.
    public var environment: [String: String]?

    /// Documents fetched over HTTP(S) before loading: a spec given by URL is read from here.
    public var remote: RemoteDocuments

    public init(
        allowOutside: Bool = false, applyOverlays: Bool = true, environment: [String: String]? = nil,
        remote: RemoteDocuments = RemoteDocuments()
    ) {
        self.allowOutside = allowOutside
        self.applyOverlays = applyOverlays
        self.environment = environment
        self.remote = remote
    }
}
