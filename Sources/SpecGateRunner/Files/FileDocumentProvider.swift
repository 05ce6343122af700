import Foundation
import SpecGateCore
import SpecGateJSON

/// Reads `file:` documents from disk for the spec loader, confined to allowed folders.
///
/// A document outside every allowed root folder (after resolving `..` and symbolic links) is
/// refused unless `allowOutside` is set, so a suite cannot `$ref` its way to arbitrary files.
public struct FileDocumentProvider: DocumentProvider {
    /// Absolute folder paths documents may come from; empty allows every folder.
    public var allowedRoots: [String]
    public var allowOutside: Bool
    /// Largest file read, in bytes.
    public var maxFileSize: Int

    public init(allowedRoots: [String] = [], allowOutside: Bool = false, maxFileSize: Int = 64 << 20) {
        self.allowedRoots = allowedRoots.map(FileDocumentProvider.canonicalPath)
        self.allowOutside = allowOutside
        self.maxFileSize = maxFileSize
    }

    /// A provider confined to the folder tree of a suite file and that of the spec it names (a suite
    /// may name a spec kept elsewhere, e.g. one written by `specgate init`).
    public init(suite: Suite, allowOutside: Bool = false, maxFileSize: Int = 64 << 20) {
        var folders = URIReference.path(ofFileURI: suite.directoryURI).map { [$0] } ?? []
        if let specURI = suite.specURI, let specPath = URIReference.path(ofFileURI: specURI) {
            folders.append((specPath as NSString).deletingLastPathComponent)
        }
        self.init(allowedRoots: folders, allowOutside: allowOutside, maxFileSize: maxFileSize)
    }

    public func read(uri: String) throws(SpecLoadError) -> [UInt8] {
        guard let path = URIReference.path(ofFileURI: uri) else {
            throw SpecLoadError(
                uri: uri, message: "only file: documents are read (SpecGate never fetches over the network)")
        }
        let canonical = FileDocumentProvider.canonicalPath(path)
        if !allowOutside && !allowedRoots.isEmpty
            && !allowedRoots.contains(where: { canonical == $0 || canonical.hasPrefix($0 == "/" ? "/" : $0 + "/") })
        {
            throw SpecLoadError(
                file: path,
                message:
                    "is outside the allowed folder \(allowedRoots.joined(separator: ", ")); allow it explicitly (allowOutside) to read it"
            )
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: canonical, isDirectory: &isDirectory) else {
            throw SpecLoadError(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw SpecLoadError(file: path, message: "is a folder, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: canonical)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileSize else {
            throw SpecLoadError(file: path, message: "is \(size) bytes, larger than the limit of \(maxFileSize) bytes")
        }
        guard let handle = FileHandle(forReadingAtPath: canonical) else {
            throw SpecLoadError(file: path, message: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw SpecLoadError(file: path, message: "cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maxFileSize else {
            throw SpecLoadError(file: path, message: "is larger than the limit of \(maxFileSize) bytes")
        }
        return [UInt8](data)
    }

    /// Loads a spec file and everything it references; a relative path is taken from the current
    /// folder. References must stay inside the spec's folder unless `allowOutside` is set.
    /// With `parsedRoot`, the document at `path` as the caller already read and parsed it.
    public static func load(
        path: String, allowOutside: Bool = false, parsedRoot: DocumentSetLoader.ParsedDocument? = nil
    ) throws(SpecLoadError) -> LoadedDocuments {
        let absolute = absolutePath(path)
        let folder = (absolute as NSString).deletingLastPathComponent
        let provider = FileDocumentProvider(allowedRoots: [folder], allowOutside: allowOutside)
        return try DocumentSetLoader(provider: provider).load(
            rootURI: URIReference.fileURI(forPath: absolute), parsedRoot: parsedRoot)
    }

    /// Reads and parses a suite file; a relative path is taken from the current folder.
    public static func loadSuite(path: String) throws(SpecLoadError) -> Suite {
        let absolute = absolutePath(path)
        let uri = URIReference.fileURI(forPath: absolute)
        return try SuiteParser.parse(try FileDocumentProvider().read(uri: uri), uri: uri)
    }

    /// `path` made absolute against the current folder, with `.` and `..` removed.
    public static func absolutePath(_ path: String) -> String {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
    }

    private static func canonicalPath(_ path: String) -> String {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }
}
