import Foundation
import SpecGateJSON

/// Console and file output shared by the lint, list and bundle commands.
enum SpecCommandOutput {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
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
