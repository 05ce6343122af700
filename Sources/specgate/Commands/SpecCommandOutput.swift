import ArgumentParser
import Foundation
import SpecGateJSON
import SpecGateRunner

/// Console and file output shared by the lint, list and bundle commands.
enum SpecCommandOutput {
    /// Loads a spec or suite; a load error (file, pointer, line) is thrown for `SpecGate.main` to print
    /// (exit 2). Overlay warnings go to stderr.
    static func load(_ path: String, source: SpecSourceOptions) async throws -> LoadedTarget {
        let loaded = try await Workspace.fetchAndLoad(path: path, fetch: source.fetchOptions())
        StandardError.write(loaded.overlayWarnings.map(\.diagnostic))
        return loaded
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A `file:` URI as a path relative to the current folder when it lies below it, else absolute.
    static func displayPath(forURI uri: String) -> String {
        guard let path = URIReference.path(ofFileURI: uri) else { return uri }
        let current = FileManager.default.currentDirectoryPath
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
