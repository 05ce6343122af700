import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateTestSupport

/// Documents held in memory, keyed by absolute URI.
struct MemoryProvider: DocumentProvider {
    var files: [String: String]

    func read(uri: String) throws(SpecLoadError) -> [UInt8] {
        guard let text = files[uri] else { throw SpecLoadError(uri: uri, message: "no such file") }
        return Array(text.utf8)
    }
}

/// Reads fixture files from disk (the runner's FileDocumentProvider is not available here).
struct DiskProvider: DocumentProvider {
    func read(uri: String) throws(SpecLoadError) -> [UInt8] {
        guard let path = URIReference.path(ofFileURI: uri), let data = FileManager.default.contents(atPath: path) else {
            throw SpecLoadError(uri: uri, message: "no such file")
        }
        return [UInt8](data)
    }
}

enum Fixtures {
    static var folder: String { PackageRoot.path("Tests/SpecGateCoreTests/Fixtures") }
    static var repository: String { PackageRoot.path }

    static func uri(_ relative: String) -> String { URIReference.fileURI(forPath: folder + "/" + relative) }
    static func repositoryURI(_ relative: String) -> String {
        URIReference.fileURI(forPath: repository + "/" + relative)
    }

    static func bytes(ofURI uri: String) throws -> [UInt8] {
        try DiskProvider().read(uri: uri)
    }

    static func load(_ relative: String) throws -> LoadedDocuments {
        try DocumentSetLoader(provider: DiskProvider()).load(rootURI: uri(relative))
    }

    static func spec(_ relative: String) throws -> APISpec {
        try OpenAPIModelBuilder.build(load(relative))
    }

    /// Loads and builds a one-file spec given as text (YAML or JSON).
    static func spec(text: String, name: String = "api.yaml") throws -> APISpec {
        let uri = "file:///mem/" + name
        let documents = try DocumentSetLoader(provider: MemoryProvider(files: [uri: text])).load(rootURI: uri)
        return try OpenAPIModelBuilder.build(documents)
    }

    /// The `SpecLoadError` a throwing expression fails with, or nil when it succeeds.
    static func error<T>(_ body: () throws -> T) -> SpecLoadError? {
        do {
            _ = try body()
            return nil
        } catch let error as SpecLoadError {
            return error
        } catch {
            return SpecLoadError(file: "?", message: "unexpected error type: \(error)")
        }
    }
}
