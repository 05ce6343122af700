import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import Testing

/// FileDocumentProvider against a temporary folder tree made per test.
@Suite struct FilesProviderTests {
    /// A fresh folder with `files` (relative path → text); removed by the caller via `cleanUp`.
    private func makeTree(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("specgate-files-\(UUID().uuidString)")
            .path
        for (relative, text) in files {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }

    private func cleanUp(_ root: String) {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func error<T>(_ body: () throws -> T) -> SpecLoadError? {
        do {
            _ = try body()
            return nil
        } catch let error as SpecLoadError {
            return error
        } catch {
            return SpecLoadError(file: "?", message: "unexpected: \(error)")
        }
    }

    private static let api = """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: 'schemas/a.yaml'}
        """

    @Test func loadsASpecWithRelativeReferences() throws {
        let root = try makeTree(["suite/api.yaml": Self.api, "suite/schemas/a.yaml": "type: object\n"])
        defer { cleanUp(root) }
        let documents = try FileDocumentProvider.load(path: root + "/suite/api.yaml")
        #expect(documents.store.uris.count == 2)
        let spec = try OpenAPIModelBuilder.build(documents)
        let schema = try #require(spec.operations.first?.response(for: 200)?.content.first?.schema)
        #expect(spec.documents.value(at: schema) == ["type": "object"])
    }

    @Test func relativePathsStartAtTheCurrentFolder() throws {
        let root = try makeTree(["suite/api.yaml": Self.api, "suite/schemas/a.yaml": "type: object\n"])
        defer { cleanUp(root) }
        let absolute = FileDocumentProvider.absolutePath(root + "/suite/./schemas/../api.yaml")
        #expect(absolute.hasSuffix("/suite/api.yaml"))
        #expect(!absolute.contains(".."))
        let relative = FileDocumentProvider.absolutePath("x/y.yaml")
        #expect(relative == FileManager.default.currentDirectoryPath + "/x/y.yaml")
    }

    @Test func missingFileIsAnError() throws {
        let root = try makeTree(["suite/api.yaml": Self.api])
        defer { cleanUp(root) }
        let failure = error { try FileDocumentProvider.load(path: root + "/suite/api.yaml") }
        #expect(failure?.message.contains("no such file") == true)
        #expect(failure?.file.hasSuffix("/suite/schemas/a.yaml") == true)
        let direct = error { try FileDocumentProvider.load(path: root + "/nope.yaml") }
        #expect(direct?.message == "no such file")
    }

    @Test func referencesOutsideTheFolderAreRefusedUnlessAllowed() throws {
        let outside = Self.api.replacingOccurrences(of: "schemas/a.yaml", with: "../shared/a.yaml")
        let root = try makeTree(["suite/api.yaml": outside, "shared/a.yaml": "type: string\n"])
        defer { cleanUp(root) }
        let failure = error { try FileDocumentProvider.load(path: root + "/suite/api.yaml") }
        #expect(failure?.message.contains("outside the allowed folder") == true)
        #expect(failure?.file.hasSuffix("/shared/a.yaml") == true)
        let allowed = try FileDocumentProvider.load(path: root + "/suite/api.yaml", allowOutside: true)
        #expect(allowed.store.uris.count == 2)
    }

    @Test func suiteProviderIsConfinedToTheSuiteFolder() throws {
        let root = try makeTree([
            "suite/suite.yaml": "spec: api.yaml\n", "suite/api.yaml": Self.api, "other.yaml": "a: 1\n",
        ])
        defer { cleanUp(root) }
        let suite = try FileDocumentProvider.loadSuite(path: root + "/suite/suite.yaml")
        #expect(suite.name == "suite")
        let provider = FileDocumentProvider(suite: suite)
        #expect(try provider.read(uri: try #require(suite.specURI)).count == Self.api.utf8.count)
        let failure = error { try provider.read(uri: URIReference.fileURI(forPath: root + "/other.yaml")) }
        #expect(failure?.message.contains("outside the allowed folder") == true)
        let escape = error { try provider.read(uri: URIReference.fileURI(forPath: root + "/suite/../other.yaml")) }
        #expect(escape?.message.contains("outside the allowed folder") == true)
    }

    @Test func oversizedFilesAndFoldersAreRefused() throws {
        let root = try makeTree(["big.json": String(repeating: " ", count: 2048) + "{}"])
        defer { cleanUp(root) }
        let small = FileDocumentProvider(maxFileSize: 1024)
        let failure = error { try small.read(uri: URIReference.fileURI(forPath: root + "/big.json")) }
        #expect(failure?.message.contains("larger than the limit of 1024 bytes") == true)
        #expect(try FileDocumentProvider().read(uri: URIReference.fileURI(forPath: root + "/big.json")).count == 2050)
        let folder = error { try FileDocumentProvider().read(uri: URIReference.fileURI(forPath: root)) }
        #expect(folder?.message.contains("folder") == true)
        let remote = error { try FileDocumentProvider().read(uri: "https://example.com/a.json") }
        #expect(remote?.message.contains("never fetches over the network") == true)
    }
}
