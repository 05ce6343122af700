import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import Testing

/// A `$ref` (or overlay) that leaves the suite's or spec's folder is refused, naming the file, the
/// referring `$ref` and its pointer, unless outside documents are allowed explicitly.
@Suite struct OutsideReferenceTests {
    static let schemaRef = #"{"$ref": "../outside/schemas.json#/Pet"}"#

    private func layout(_ files: HostileFiles, reference: String = schemaRef) throws {
        try files.write("outside/schemas.json", #"{"Pet": {"type": "object"}}"#)
        try files.write(
            "suite/api.json",
            HostileSpec.json(paths: #"{"/pets": {"get": \#(HostileSpec.operation(schema: reference))}}"#))
        try files.write("suite/suite.yaml", "name: hostile\nspec: api.json\nbaseURL: http://127.0.0.1:1\n")
    }

    @Test(arguments: ["suite/suite.yaml", "suite/api.json"]) func outsideReferenceIsRefused(_ entry: String) throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try layout(files)
        let error = try #require(files.loadError(entry))
        #expect(error.file == files.path("outside/schemas.json"), "\(error)")
        #expect(error.message.contains("outside the allowed folder"), "\(error)")
        #expect(error.message.contains("referenced by $ref \"../outside/schemas.json#/Pet\""), "\(error)")
        #expect(
            error.message.contains("api.json#/paths/~1pets/get/responses/200/content/application~1json/schema"),
            "\(error)")
        #expect(try files.load(entry, options: WorkspaceOptions(allowOutside: true)).spec.operations.count == 1)
    }

    @Test func absoluteFileReferenceIsRefused() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try layout(files, reference: #"{"$ref": "file:///etc/passwd#/x"}"#)
        let error = try #require(files.loadError("suite/suite.yaml"))
        #expect(error.file == "/etc/passwd")
        #expect(error.message.contains("outside the allowed folder"), "\(error)")
    }

    @Test func symbolicLinkOutOfTheFolderIsRefused() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try layout(files, reference: #"{"$ref": "linked/schemas.json#/Pet"}"#)
        try FileManager.default.createSymbolicLink(
            atPath: files.folder + "/suite/linked", withDestinationPath: files.folder + "/outside")
        let error = try #require(files.loadError("suite/suite.yaml"))
        #expect(error.message.contains("outside the allowed folder"), "\(error)")
        #expect(error.message.contains("linked/schemas.json"), "\(error)")
    }

    @Test func outsideOverlayIsRefused() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try layout(files, reference: #"{"type": "object"}"#)
        try files.write("outside/overlay.yaml", "overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions: []\n")
        try files.write(
            "suite/suite.yaml",
            "name: hostile\nspec: api.json\noverlays: [../outside/overlay.yaml]\nbaseURL: http://127.0.0.1:1\n")
        let error = try #require(files.loadError("suite/suite.yaml"))
        #expect(error.file == files.path("outside/overlay.yaml"))
        #expect(error.message.contains("outside the allowed folder"), "\(error)")
    }
}
