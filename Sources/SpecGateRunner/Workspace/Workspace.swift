import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// Loads what a command line names: an OpenAPI document, or a suite file with its spec (or
/// hand-written endpoints) and overlays.
public struct Workspace: Sendable {
    /// Loads `path`, relative to the current folder.
    ///
    /// A JSON/YAML file with a top-level `openapi` (or `swagger`) member is a spec; one with `spec` or
    /// `endpoints` is a suite. For a suite: the spec is loaded (or the endpoints compiled), the
    /// overlays are applied in order to the root document, external documents are resolved again
    /// from the overlaid root, the model is built, and operations are filtered by include/exclude.
    ///
    /// An `http:`/`https:` URL is a spec read from `options.remote` (fetched before, see `fetchAndLoad`).
    public static func load(path: String, options: WorkspaceOptions = .init()) throws(SpecLoadError) -> LoadedTarget {
        switch try load(path: path, options: options, fetching: false) {
        case .loaded(let target): return target
        case .needsFetch: throw SpecLoadError(uri: path, message: "the spec was not fetched")
        }
    }

    /// Fetches what `path` needs over HTTP(S) — a spec URL, or the URL a local suite's `spec:` names; nothing
    /// for local files — then loads it as `load(path:options:)` does. A local file is read and parsed once.
    public static func fetchAndLoad(
        path: String, options: WorkspaceOptions = .init(), fetch: SpecFetcher.Options = .init()
    ) async throws(SpecLoadError) -> LoadedTarget {
        var options = options
        if RemoteDocuments.isURL(path) {
            options.remote.merge(try await RemoteDocuments.fetchSet(rootURL: path, options: fetch))
        } else {
            switch try load(path: path, options: options, fetching: true) {
            case .loaded(let target):
                return target
            case .needsFetch(let url):
                options.remote.merge(try await RemoteDocuments.fetchSet(rootURL: url, options: fetch))
            }
        }
        return try load(path: path, options: options)
    }

    /// A loaded target, or (when `fetching`) the URL of a local suite's spec that has not been fetched yet.
    enum Outcome {
        case loaded(LoadedTarget)
        case needsFetch(String)
    }

    static func load(path: String, options: WorkspaceOptions, fetching: Bool) throws(SpecLoadError) -> Outcome {
        if RemoteDocuments.isURL(path) {
            let uri = options.remote.rootURI(for: path)
            let provider = RemoteDocumentProvider(remote: options.remote)
            let documents = try DocumentSetLoader(provider: provider).load(rootURI: uri)
            let spec = try OpenAPIModelBuilder.build(documents)
            return .loaded(
                LoadedTarget(suite: nil, documents: documents, rawDocuments: documents, spec: spec, fullSpec: spec))
        }
        let absolute = FileDocumentProvider.absolutePath(path)
        let uri = URIReference.fileURI(forPath: absolute)
        let bytes = try FileDocumentProvider().read(uri: uri)
        let parsed = try DocumentParser.parseIndexed(bytes, uri: uri)
        let document = parsed.value
        guard case .object(let object) = document else {
            throw SpecLoadError(
                uri: uri, pointer: .root, line: 1, column: 1,
                message: "is neither an OpenAPI document nor a suite (not a mapping)")
        }
        if object["openapi"] != nil || object["swagger"] != nil {
            let documents = try FileDocumentProvider.load(
                path: absolute, allowOutside: options.allowOutside,
                parsedRoot: DocumentSetLoader.ParsedDocument(bytes: bytes, value: document, positions: parsed.positions)
            )
            let spec = try OpenAPIModelBuilder.build(documents)
            return .loaded(
                LoadedTarget(suite: nil, documents: documents, rawDocuments: documents, spec: spec, fullSpec: spec))
        }
        guard object["spec"] != nil || object["endpoints"] != nil else {
            throw SpecLoadError(
                uri: uri, pointer: .root, line: 1, column: 1,
                message: "is neither an OpenAPI document (no `openapi`) nor a suite (no `spec` or `endpoints`)")
        }
        let suite = try SuiteParser.parse(bytes, uri: uri, environment: options.environment)
        if fetching, suite.endpoints == nil, let specURI = suite.specURI, RemoteDocuments.isURL(specURI),
            options.remote.documents[options.remote.rootURI(for: specURI)] == nil
        {
            return .needsFetch(specURI)
        }
        return .loaded(try loadSuite(suite, options: options))
    }

    /// The folder in-memory documents appear in (error messages name them `/specgate-in-memory/<name>`).
    public static let inMemoryFolder = "/specgate-in-memory"

    /// Loads a spec or suite held in memory, as `load(path:options:)` loads files: `documents` maps names
    /// relative to one virtual folder (`"suite.yaml"`, `"openapi.json"`, `"overlay.yaml"`, …) to their bytes,
    /// `root` names the spec or suite to load. `$ref`s, a suite's `spec`, `endpoints` and overlays are
    /// read from `documents` only; nothing is read from disk or the network.
    public static func load(
        documents: [String: [UInt8]], root: String, options: WorkspaceOptions = .init()
    ) throws(SpecLoadError) -> LoadedTarget {
        func uri(_ name: String) -> String {
            URIReference.fileURI(
                forPath: inMemoryFolder + "/" + (name.hasPrefix("/") ? String(name.dropFirst()) : name))
        }
        let provider = InMemoryDocumentProvider(
            documents: Dictionary(documents.map { (uri($0.key), $0.value) }, uniquingKeysWith: { _, last in last }))
        let rootURI = uri(root)
        let bytes = try provider.read(uri: rootURI)
        let document = try DocumentParser.parse(bytes, uri: rootURI)
        guard case .object(let object) = document else {
            throw SpecLoadError(
                uri: rootURI, pointer: .root, line: 1, column: 1,
                message: "is neither an OpenAPI document nor a suite (not a mapping)")
        }
        if object["openapi"] != nil || object["swagger"] != nil {
            let loaded = try DocumentSetLoader(provider: provider).load(rootURI: rootURI)
            let spec = try OpenAPIModelBuilder.build(loaded)
            return LoadedTarget(suite: nil, documents: loaded, rawDocuments: loaded, spec: spec, fullSpec: spec)
        }
        guard object["spec"] != nil || object["endpoints"] != nil else {
            throw SpecLoadError(
                uri: rootURI, pointer: .root, line: 1, column: 1,
                message: "is neither an OpenAPI document (no `openapi`) nor a suite (no `spec` or `endpoints`)")
        }
        let suite = try SuiteParser.parse(bytes, uri: rootURI, environment: options.environment)
        return try loadSuite(suite, options: options, provider: provider)
    }

    /// Loads a parsed suite's spec (or endpoints), applies its overlays and filters its operations.
    public static func loadSuite(_ suite: Suite, options: WorkspaceOptions = .init()) throws(SpecLoadError)
        -> LoadedTarget
    {
        try loadSuite(
            suite, options: options, provider: FileDocumentProvider(suite: suite, allowOutside: options.allowOutside))
    }

    /// `loadSuite(_:options:)` reading the suite's local documents through `provider`.
    static func loadSuite(
        _ suite: Suite, options: WorkspaceOptions, provider: any DocumentProvider
    ) throws(SpecLoadError) -> LoadedTarget {
        // A spec named by URL is read from what was fetched; overlays stay local files.
        let specProvider: any DocumentProvider =
            suite.specURI.map(RemoteDocuments.isURL) == true ? RemoteDocumentProvider(remote: options.remote) : provider
        let raw: LoadedDocuments
        if suite.endpoints != nil {
            raw = try EndpointsCompiler.load(suite, provider: provider)
        } else if let specURI = suite.specURI {
            let rootURI = RemoteDocuments.isURL(specURI) ? options.remote.rootURI(for: specURI) : specURI
            raw = try DocumentSetLoader(provider: specProvider).load(rootURI: rootURI)
        } else {
            throw SpecLoadError(uri: suite.uri, message: "the suite names neither `spec` nor `endpoints`")
        }
        var documents = raw
        var warnings: [OverlayWarning] = []
        if options.applyOverlays && !suite.overlayURIs.isEmpty {
            // Overlays apply to the root as written (for Swagger 2.0, before conversion).
            var root = raw.conversion?.originalRoot ?? raw.root
            for overlayURI in suite.overlayURIs {
                let (overlaid, more) = try applyOverlay(at: overlayURI, to: root, provider: provider)
                root = overlaid
                warnings += more
            }
            documents = try DocumentSetLoader(provider: specProvider).load(rootURI: raw.rootURI, replacingRoot: root)
            // Line lookups use the file as written; unchanged parts keep their lines.
            documents.sources[raw.rootURI] = raw.sources[raw.rootURI]
            documents.positions[raw.rootURI] = raw.positions[raw.rootURI]
        }
        let fullSpec = try OpenAPIModelBuilder.build(documents)
        var spec = fullSpec
        spec.operations = fullSpec.operations.filter(suite.selects)
        return LoadedTarget(
            suite: suite, documents: documents, rawDocuments: raw, spec: spec, fullSpec: fullSpec,
            overlayWarnings: warnings)
    }

    private static func applyOverlay(
        at uri: String, to root: JSONValue, provider: any DocumentProvider
    ) throws(SpecLoadError) -> (JSONValue, [OverlayWarning]) {
        let bytes = try provider.read(uri: uri)
        let document = try DocumentParser.parse(bytes, uri: uri)
        do throws(OverlayError) {
            let overlay = try Overlay(parsing: document, uri: uri)
            return try OverlayEngine.apply(overlay, to: root)
        } catch {
            let action = error.actionIndex.map { "action \($0): " } ?? ""
            throw SpecLoadError(uri: uri, pointer: error.pointer, message: action + error.message).locating(
                in: bytes, uri: uri)
        }
    }
}
