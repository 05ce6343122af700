import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner

/// A temporary folder holding hostile spec files for one test; removed by `remove()`.
struct HostileFiles {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "specgate-hardening-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` (sub-folders are created) and returns the file's path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The error `Workspace.load` fails with for `name`, or nil when the file loads.
    func loadError(_ name: String, options: WorkspaceOptions = .init()) -> SpecLoadError? {
        do {
            _ = try Workspace.load(path: folder + "/" + name, options: options)
            return nil
        } catch {
            return error
        }
    }

    /// Loads `name` with `Workspace.load`.
    func load(_ name: String, options: WorkspaceOptions = .init()) throws -> LoadedTarget {
        try Workspace.load(path: folder + "/" + name, options: options)
    }

    /// The path `SpecLoadError.file` shows for `name`.
    func path(_ name: String) -> String {
        URIReference.path(
            ofFileURI: URIReference.fileURI(forPath: FileDocumentProvider.absolutePath(folder + "/" + name)))
            ?? name
    }
}

/// Building blocks for hostile OpenAPI documents.
enum HostileSpec {
    /// A minimal valid OpenAPI 3.0 document (JSON) with `components` and `paths` spliced in.
    static func json(paths: String = "{}", components: String = "{}") -> String {
        """
        {
          "openapi": "3.0.3",
          "info": {"title": "hostile", "version": "1"},
          "paths": \(paths),
          "components": \(components)
        }
        """
    }

    /// An operation answering 200 with a JSON body of the given schema.
    static func operation(schema: String = #"{"type": "object"}"#, parameters: String = "[]") -> String {
        #"{"parameters": \#(parameters), "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": \#(schema)}}}}}"#
    }
}
