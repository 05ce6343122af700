import SpecGateCore
import SpecGateJSON
import Testing

@Suite struct LoadReferenceTests {
    @Test func localReferencesWithEscapesAndPercentEncoding() throws {
        let spec = try Fixtures.spec("petstore.yaml")
        let getPet = try #require(spec.operation(id: "getPet"))
        // "#/components/parameters/a~1b~0c" names the parameter "a/b~c".
        let odd = try #require(getPet.parameters.first { $0.name == "odd" })
        #expect(odd.source.pointer == JSONPointer(tokens: ["components", "parameters", "a/b~c"]))
        #expect(odd.style == .pipeDelimited)
        // "#/components/schemas/Owner%20Id" names the schema "Owner Id".
        let getOwner = try #require(spec.operation(id: "getOwner"))
        let ownerId = try #require(getOwner.parameters.first)
        #expect(ownerId.schema?.pointer == JSONPointer(tokens: ["components", "schemas", "Owner Id"]))
        #expect(spec.documents.value(at: try #require(ownerId.schema)) == ["type": "integer"])
    }

    @Test func relativeFileReferencesAcrossFilesAndFolders() throws {
        let documents = try Fixtures.load("multi/root.yaml")
        #expect(
            Set(documents.store.uris)
                == Set(
                    ["multi/root.yaml", "multi/paths/pets.yaml", "multi/common.yaml", "multi/schemas/pet.json"].map(
                        Fixtures.uri)))
        #expect(documents.sources.count == 4)
        let spec = try OpenAPIModelBuilder.build(documents)
        #expect(spec.dialect == .jsonSchema2020_12)
        let list = try #require(spec.operation(id: "listPets"))
        #expect(list.path == "/pets")
        #expect(list.source.document == Fixtures.uri("multi/paths/pets.yaml"))
        let ok = try #require(list.response(for: 200))
        #expect(ok.content.first?.schema == JSONLocation(document: Fixtures.uri("multi/schemas/pet.json")))
        let error = try #require(list.response(for: 500))
        #expect(
            error.source
                == JSONLocation(
                    document: Fixtures.uri("multi/common.yaml"),
                    pointer: JSONPointer(tokens: ["components", "responses", "Error"])))
        #expect(
            error.content.first?.schema
                == JSONLocation(
                    document: Fixtures.uri("multi/common.yaml"),
                    pointer: JSONPointer(tokens: ["components", "schemas", "Error"])))
        let tags = try #require(spec.operation(id: "GET /tags"))
        #expect(tags.parameters.map(\.name) == ["page"])
        #expect(tags.parameters.first?.source.document == Fixtures.uri("multi/common.yaml"))
    }

    @Test func resolverResolvesAndDerefs() throws {
        let documents = try Fixtures.load("multi/root.yaml")
        let resolver = ReferenceResolver(store: documents.store)
        let from = JSONLocation(document: Fixtures.uri("multi/paths/pets.yaml"), pointer: JSONPointer(tokens: ["get"]))
        let target = try resolver.resolve("../common.yaml#/components/schemas/Tag", from: from)
        #expect(
            target
                == JSONLocation(
                    document: Fixtures.uri("multi/common.yaml"),
                    pointer: JSONPointer(tokens: ["components", "schemas", "Tag"])))
        let (location, value) = try resolver.deref(
            JSONLocation(document: Fixtures.uri("multi/root.yaml"), pointer: JSONPointer(tokens: ["paths", "/pets"])))
        #expect(location.document == Fixtures.uri("multi/paths/pets.yaml"))
        #expect(value["get"]?["operationId"] == "listPets")
        let dangling = Fixtures.error { try resolver.resolve("#/nope", from: from) }
        #expect(dangling?.message == "dangling $ref \"#/nope\"")
    }

    @Test func recursiveSchemaLoadsWithoutLooping() throws {
        let spec = try Fixtures.spec("petstore.yaml")
        let body = try #require(spec.operation(id: "getOwner")?.requestBody)
        #expect(body.required)
        let schema = try #require(body.content.first?.schema)
        #expect(schema.pointer == JSONPointer(tokens: ["components", "schemas", "Node"]))
        #expect(
            spec.documents.value(at: schema)?["properties"]?["children"]?["items"]?["$ref"]
                == "#/components/schemas/Node")
    }

    @Test func danglingReferenceNamesPointerAndLine() {
        let text = """
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
                          schema:
                            $ref: '#/components/schemas/Nope'
            """
        let error = Fixtures.error { try Fixtures.spec(text: text) }
        #expect(error?.message == "dangling $ref \"#/components/schemas/Nope\"")
        #expect(
            error?.pointer
                == JSONPointer(tokens: [
                    "paths", "/a", "get", "responses", "200", "content", "application/json", "schema",
                ]))
        #expect(error?.line == 11)
        #expect(error?.description.contains("#/paths/~1a/get/responses/200/content/application~1json/schema") == true)
    }

    @Test func referenceCycleWithNoObjectBetweenIsAnError() {
        let text = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths: {}
            components:
              parameters:
                A: {$ref: '#/components/parameters/B'}
                B: {$ref: '#/components/parameters/A'}
            """
        let error = Fixtures.error { try Fixtures.spec(text: text) }
        #expect(error?.message.contains("$ref cycle") == true)
        #expect(
            error?.message.contains(
                "#/components/parameters/A -> #/components/parameters/B -> #/components/parameters/A") == true
                || error?.message.contains(
                    "#/components/parameters/B -> #/components/parameters/A -> #/components/parameters/B") == true
        )
        #expect(error?.line != nil)

        // The resolver detects the same cycle on a store it did not load.
        let store = DocumentStore(["file:///mem/c.json": ["x": ["$ref": "#/y"], "y": ["$ref": "#/x"]]])
        let resolverError = Fixtures.error {
            try ReferenceResolver(store: store).deref(
                JSONLocation(document: "file:///mem/c.json", pointer: JSONPointer(tokens: ["x"])))
        }
        #expect(resolverError?.message.contains("#/x -> #/y -> #/x") == true)
    }

    @Test func missingReferencedFileNamesBothFiles() {
        let provider = MemoryProvider(files: [
            "file:///mem/root.yaml":
                "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: 'gone.yaml'\n"
        ])
        let error = Fixtures.error { try DocumentSetLoader(provider: provider).load(rootURI: "file:///mem/root.yaml") }
        #expect(error?.file == "/mem/gone.yaml")
        #expect(error?.message.contains("no such file") == true)
        #expect(error?.message.contains("/mem/root.yaml#/paths/~1a") == true)
    }

    @Test func remoteReferencesAreRefused() {
        let provider = MemoryProvider(files: [
            "file:///mem/root.yaml":
                "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: 'https://example.com/a.yaml'\n"
        ])
        let error = Fixtures.error { try DocumentSetLoader(provider: provider).load(rootURI: "file:///mem/root.yaml") }
        #expect(error?.message.contains("never fetches over the network") == true)
        #expect(error?.line == 4)
    }

    @Test func literalExampleValuesAreNotFollowed() throws {
        // common.yaml has `example: {$ref: not-a-file.yaml}` on a schema: it is data, not a reference.
        let documents = try Fixtures.load("multi/root.yaml")
        #expect(documents.store[Fixtures.uri("multi/not-a-file.yaml")] == nil)
    }
}
