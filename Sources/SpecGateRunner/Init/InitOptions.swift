import SpecGateHTTP

/// What `specgate init` is told.
public struct InitOptions: Sendable, Hashable {
    /// The OpenAPI document, relative to the current folder.
    public var specPath: String
    /// Suite name; default: the slug of the spec's `info.title`.
    public var name: String?
    /// Folder to write; default `specs/<name>`.
    public var directory: String?
    /// Write into an existing folder (its suite and overlay files are replaced).
    public var force: Bool
    /// Copy the spec into the folder instead of referencing it by relative path.
    public var copy: Bool
    /// Values for the variables of the spec's first server; others take their defaults.
    public var serverVariables: [String: String] = [:]
    /// How a spec given by URL is fetched.
    public var specFetch: SpecFetcher.Options = SpecFetcher.Options()
    /// Documents already fetched (`SuiteInitializer.initializeFetching` fills this in).
    public var remote: RemoteDocuments = RemoteDocuments()

    public init(
        specPath: String, name: String? = nil, directory: String? = nil, force: Bool = false, copy: Bool = false
    ) {
        self.specPath = specPath
        self.name = name
        self.directory = directory
        self.force = force
        self.copy = copy
    }
}
