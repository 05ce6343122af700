import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateTestSupport
import Testing

/// A temporary folder with a small spec, an external schema file, an overlay and suites.
private struct Fixture {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "specgate-workspace-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/schemas", withIntermediateDirectories: true)
        try write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: Pets, version: "1"}
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: 'schemas/pet.yaml'}
                post:
                  operationId: createPet
                  tags: [Pets]
                  responses:
                    "201": {description: created}
              /owners:
                get:
                  operationId: listOwners
                  tags: [Owners]
                  responses:
                    "200": {description: ok}
            """)
        try write("schemas/pet.yaml", "type: object\nproperties:\n  name: {type: string, pattern: 'NAME_PATTERN'}\n")
        try write("schemas/owner.yaml", "type: object\nproperties:\n  id: {type: integer}\n")
        try write(
            "overlay.yaml",
            """
            overlay: 1.0.0
            info: {title: fixes, version: "1"}
            actions:
              - target: "$.paths['/owners'].get.responses['200']"
                description: owners return a body
                update:
                  content:
                    application/json:
                      schema: {$ref: 'schemas/owner.yaml'}
              - target: "$.paths['/nothing']"
                description: stale
                remove: true
            """)
        try write("suite.yaml", "spec: api.yaml\noverlays: [overlay.yaml]\ninclude: {tags: [Pets]}\n")
        try write("owners.yaml", "spec: api.yaml\noverlays: [overlay.yaml]\ninclude: {tags: [Owners]}\n")
        try write("notes.yaml", "title: not a spec\n")
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    func path(_ name: String) -> String { folder + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite struct WorkspaceTests {
    static var root: String { PackageRoot.path }

    @Test func specFileIsDetectedAsSpec() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let target = try Workspace.load(path: fixture.path("api.yaml"))
        #expect(target.suite == nil)
        #expect(target.spec.operations.map(\.id) == ["listPets", "createPet", "listOwners"])
        #expect(target.fullSpec.operations.count == 3)
        #expect(target.overlayWarnings.isEmpty)
        #expect(target.lintScope == .everything)
    }

    @Test func suiteAppliesOverlaysAndFilters() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let target = try Workspace.load(path: fixture.path("suite.yaml"))
        #expect(target.suite != nil)
        #expect(target.spec.operations.map(\.id) == ["listPets", "createPet"])
        #expect(target.fullSpec.operations.count == 3)
        #expect(target.lintScope == .reachableFromOperations)
        // The overlay's second action matches nothing: a warning, not an error.
        #expect(target.overlayWarnings.map(\.actionIndex) == [1])
        // The overlay added a $ref to a file the raw spec never mentioned: it is loaded.
        let ownerURI = URIReference.fileURI(forPath: fixture.path("schemas/owner.yaml"))
        #expect(target.documents.store[ownerURI] != nil)
        #expect(target.rawDocuments.store[ownerURI] == nil)
        let owners = target.fullSpec.operation(id: "listOwners")
        #expect(owners?.responses.first?.content.first?.schema?.document == ownerURI)
    }

    @Test func suiteLintSeesOnlyWhatItsOperationsReach() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let pets = try Workspace.load(path: fixture.path("suite.yaml")).lint()
        #expect(pets.contains { $0.rule == "invalid-pattern" })
        let owners = try Workspace.load(path: fixture.path("owners.yaml")).lint()
        #expect(!owners.contains { $0.rule == "invalid-pattern" })
        #expect(owners.filter { $0.rule == "no-4xx-response" }.compactMap(\.operationID) == ["listOwners"])
    }

    @Test func neitherSpecNorSuiteIsALoadError() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(throws: SpecLoadError.self) { try Workspace.load(path: fixture.path("notes.yaml")) }
        #expect(throws: SpecLoadError.self) { try Workspace.load(path: fixture.path("missing.yaml")) }
    }

    @Test func badOverlayIsALoadErrorNamingTheAction() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("bad-overlay.yaml", "overlay: 1.0.0\nactions:\n  - target: \"$.paths[\"\n    remove: true\n")
        try fixture.write("bad.yaml", "spec: api.yaml\noverlays: [bad-overlay.yaml]\n")
        do {
            _ = try Workspace.load(path: fixture.path("bad.yaml"))
            Issue.record("a broken overlay loaded")
        } catch {
            #expect(error.file.hasSuffix("bad-overlay.yaml"))
            #expect(error.message.contains("action 0"))
            #expect(error.line == 3)
        }
    }

    @Test func calcomSuite() throws {
        let target = try Workspace.load(path: Self.root + "/specs/calcom/suite.yaml")
        #expect(target.overlayWarnings.isEmpty)
        #expect(target.fullSpec.operations.count == 285)
        #expect(target.spec.operations.count == 17)
        #expect(target.spec.operations.allSatisfy { $0.tags.contains("Bookings") })
        let findings = target.lint()
        #expect(!findings.contains { $0.rule == "unsatisfiable-schema" })
        #expect(!findings.contains { $0.rule == "invalid-pattern" })
        let raw = try Workspace.load(path: Self.root + "/specs/calcom/openapi-v2.json").lint()
        #expect(
            raw.contains {
                $0.rule == "unsatisfiable-schema"
                    && $0.location.pointer.description == "/components/schemas/ReassignBookingOutput_2024_08_13"
            })
        #expect(raw.filter { $0.rule == "invalid-pattern" }.count == 6)
    }
}
