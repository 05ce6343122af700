import Foundation
import SpecGateCore
import SpecGateJSON

/// `specgate init`: writes a suite folder for an OpenAPI document (`suite.yaml` from `SuiteDraft`, an
/// empty `overlay.yaml`, the spec referenced by relative path or copied), then loads and lints the new
/// suite so that what it wrote is known to work.
public enum SuiteInitializer {
    /// Fetches a spec given by URL (nothing for a file), then initializes.
    public static func initializeFetching(_ options: InitOptions) async throws(InitError) -> InitResult {
        var options = options
        if RemoteDocuments.isURL(options.specPath) {
            do {
                options.remote.merge(
                    try await RemoteDocuments.fetchSet(rootURL: options.specPath, options: options.specFetch))
            } catch {
                throw InitError(error)
            }
        }
        return try initialize(options)
    }

    /// Writes the suite folder. A spec given by URL (fetched before, in `options.remote`) is referenced by its URL,
    /// and a relative server URL is resolved against it for the suite's `baseURL`.
    public static func initialize(_ options: InitOptions) throws(InitError) -> InitResult {
        let isURL = RemoteDocuments.isURL(options.specPath)
        let specAbsolute =
            isURL ? URIReference.stripFragment(options.specPath) : FileDocumentProvider.absolutePath(options.specPath)
        let loadOptions = WorkspaceOptions(remote: options.remote)
        let target: LoadedTarget
        do {
            target = try Workspace.load(path: specAbsolute, options: loadOptions)
        } catch {
            throw InitError(error)
        }
        guard target.suite == nil else {
            throw InitError("\(options.specPath) is a suite; `specgate init` takes an OpenAPI document")
        }
        let name = options.name ?? defaultName(title: target.spec.title, specPath: specAbsolute)
        guard !name.isEmpty, !name.contains("/") else {
            throw InitError("--name must be a non-empty name without \"/\"")
        }
        let directory = options.directory ?? "specs/" + name
        let folder = FileDocumentProvider.absolutePath(directory)
        let files = FileManager.default
        if files.fileExists(atPath: folder) && !options.force {
            throw InitError(
                "\(directory) already exists; pass --force to write into it (suite.yaml and overlay.yaml are replaced)")
        }

        let specReference: String
        if isURL {
            guard !options.copy else {
                throw InitError("--copy copies a spec file; a spec given by URL is referenced by its URL")
            }
            specReference = specAbsolute
        } else if options.copy {
            guard target.documents.store.uris.count == 1 else {
                throw InitError(
                    "--copy copies one file, but \(options.specPath) references \(target.documents.store.uris.count - 1) other document(s); reference it instead (leave out --copy)"
                )
            }
            specReference = (specAbsolute as NSString).lastPathComponent
        } else {
            specReference = relativePath(from: folder, to: specAbsolute)
        }
        var draft = SuiteDraft(spec: target.fullSpec, name: name, specReference: specReference)
        do {
            let resolution = try ServerURL.resolve(
                root: target.documents.root, documentURI: target.documents.rootURI, variables: options.serverVariables)
            if case .absolute(let url) = resolution, url.hasPrefix("http://") || url.hasPrefix("https://") {
                draft.baseURL = url
                draft.unusableServer = nil
            }
        } catch {
            throw InitError(.error("spec.server-url", error.message), underlying: error)
        }
        let suitePath = folder + "/suite.yaml"
        let overlayPath = folder + "/overlay.yaml"
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if options.copy {
                let destination = folder + "/" + specReference
                if files.fileExists(atPath: destination) { try files.removeItem(atPath: destination) }
                try files.copyItem(atPath: specAbsolute, toPath: destination)
            }
            try Data(draft.suiteText().utf8).write(to: URL(fileURLWithPath: suitePath))
            try Data(draft.overlayText().utf8).write(to: URL(fileURLWithPath: overlayPath))
        } catch {
            throw InitError("cannot write \(directory): \(error.localizedDescription)")
        }
        let suite: LoadedTarget
        do {
            suite = try Workspace.load(path: suitePath, options: loadOptions)
        } catch {
            throw InitError(error, context: "the new suite does not load")
        }
        let shown = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return InitResult(
            directory: shown, suitePath: shown + "/suite.yaml", overlayPath: shown + "/overlay.yaml",
            specReference: specReference,
            draft: draft, findings: suite.lint())
    }

    /// The slug of the title, else of the file name, else "api".
    static func defaultName(title: String, specPath: String) -> String {
        let fromTitle = SuiteDraft.slug(title)
        if !fromTitle.isEmpty { return fromTitle }
        let file = ((specPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let fromFile = SuiteDraft.slug(file)
        return fromFile.isEmpty ? "api" : fromFile
    }

    /// `to` relative to the folder `from` (both absolute): "../../specs/api.json".
    static func relativePath(from folder: String, to file: String) -> String {
        let base = canonical(folder).split(separator: "/").map(String.init)
        let target = canonical(file).split(separator: "/").map(String.init)
        var common = 0
        while common < base.count && common < target.count - 1 && base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// The path with symbolic links resolved as far as it exists (the folder may not exist yet).
    private static func canonical(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing) && existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let resolved = URL(fileURLWithPath: existing).resolvingSymlinksInPath().path
        return ([resolved] + rest).joined(separator: "/")
    }
}
