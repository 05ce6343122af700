import Foundation
import SpecGateJSON
import Testing

@testable import SpecGateCore

/// Swagger 2.0 documents are converted to OpenAPI 3.0 on load; the converted structure is checked
/// construct by construct against hand-written fixtures.
@Suite struct Swagger2ConversionTests {
    static func petstore() throws -> LoadedDocuments { try Fixtures.load("swagger2/petstore.yaml") }

    static func object(_ value: JSONValue?) -> JSONObject { value?.objectValue ?? JSONObject() }

    @Test func documentLevelFieldsAndServers() throws {
        let root = try Self.petstore().root
        #expect(root["openapi"] == "3.0.3")
        #expect(root["swagger"] == nil)
        #expect(root["info"]?["title"] == "Swagger Petstore")
        #expect(root["x-api-owner"] == "pets-team")
        // https first, every listed scheme kept; host + basePath.
        #expect(root["servers"] == [["url": "https://pets.example.com/v2"], ["url": "http://pets.example.com/v2"]])
        for key in [
            "host", "basePath", "schemes", "consumes", "produces", "definitions", "parameters", "responses",
            "securityDefinitions",
        ] {
            #expect(root[key] == nil, "\(key) left over")
        }
        #expect(root["security"] == [["apiKey": []]])
        let spec = try OpenAPIModelBuilder.build(Self.petstore())
        #expect(spec.openAPIVersion == "3.0.3")
        #expect(spec.dialect == .openAPI30)
        #expect(
            spec.operations.map(\.id) == [
                "listPets", "createPet", "showPet", "updatePet", "uploadPhoto", "addNote", "importPets",
            ])
    }

    @Test func serversWithoutHostOrSchemes() throws {
        func servers(_ header: String) throws -> JSONValue? {
            let uri = "file:///mem/api.yaml"
            let text = "swagger: \"2.0\"\ninfo: {title: t, version: \"1\"}\n" + header + "paths: {}\n"
            return try DocumentSetLoader(provider: MemoryProvider(files: [uri: text])).load(rootURI: uri).root[
                "servers"]
        }
        #expect(try servers("basePath: /api\n") == [["url": "/api"]])
        #expect(try servers("host: h.example\n") == [["url": "http://h.example"]])
        #expect(
            try servers("host: h.example\nbasePath: /\nschemes: [http, wss]\n") == [
                ["url": "http://h.example"], ["url": "wss://h.example"],
            ])
        #expect(try servers("") == nil)
    }

    @Test func operationSchemesAreAWarning() throws {
        let uri = "file:///mem/api.yaml"
        let text =
            "swagger: \"2.0\"\ninfo: {title: t, version: \"1\"}\nhost: h\npaths:\n  /a:\n    get:\n      schemes: [https]\n      responses: {\"200\": {description: ok}}\n"
        let documents = try DocumentSetLoader(provider: MemoryProvider(files: [uri: text])).load(rootURI: uri)
        let notes = try #require(documents.conversion?.notes)
        #expect(notes.map(\.location.pointer) == [JSONPointer(tokens: ["paths", "/a", "get"])])
        #expect(notes.first?.message.contains("schemes") == true)
        #expect(documents.position(of: try #require(notes.first?.location))?.line == 6)
        #expect(documents.root["paths"]?["/a"]?["get"]?["schemes"] == nil)
    }

    @Test func generatedCasesAreValidForTheConvertedSchemas() throws {
        let spec = try OpenAPIModelBuilder.build(Self.petstore())
        let sets = CaseGenerator(spec: spec, options: GenerationOptions(seed: 5, maxCasesPerOperation: 20))
            .generateAll()
        #expect(sets.count == spec.operations.count)
        for set in sets { #expect(!set.validCases.isEmpty, "\(set.operationID): \(set.findings)") }
        let upload = try #require(sets.first { $0.operationID == "uploadPhoto" }?.validCases.first)
        #expect(upload.request.header("Content-Type")?.hasPrefix("multipart/form-data") == true)
        let note = try #require(sets.first { $0.operationID == "addNote" }?.validCases.first)
        #expect(
            note.request.header("Content-Type")?.hasPrefix("application/x-www-form-urlencoded") == true
                || note.request.header("Content-Type")?.hasPrefix("multipart/form-data") == true)
        _ = GenerationSelfCheckTests.selfCheck(spec, seeds: 1...2)
    }

    @Test func otherSwaggerVersionsAreRefusedWithTheirLine() throws {
        let uri = "file:///mem/api.yaml"
        let text = "info: {title: t, version: \"1\"}\nswagger: \"1.2\"\npaths: {}\n"
        let error = try #require(
            Fixtures.error { try DocumentSetLoader(provider: MemoryProvider(files: [uri: text])).load(rootURI: uri) })
        #expect(error.file == "/mem/api.yaml")
        #expect(error.pointer == JSONPointer(tokens: ["swagger"]))
        #expect(error.line == 2)
        #expect(error.message.contains("\"1.2\""))
    }

    @Test func componentsAndRewrittenReferences() throws {
        let root = try Self.petstore().root
        let components = Self.object(root["components"])
        #expect(Set(components.keys) == ["schemas", "parameters", "requestBodies", "responses", "securitySchemes"])
        #expect(
            components["schemas"]?["Pet"]?["properties"]?["owner"] == [
                "nullable": true, "allOf": [["$ref": "#/components/schemas/Owner"]],
            ])
        #expect(
            components["parameters"]?["limit"] == [
                "name": "limit", "in": "query",
                "schema": ["type": "integer", "format": "int32", "minimum": 1, "maximum": 100, "default": 20],
            ])
        // A top-level body parameter is a request body; a form field one is inlined where used.
        #expect(components["parameters"]?["petBody"] == nil)
        #expect(components["parameters"]?["tagsField"] == nil)
        #expect(
            components["requestBodies"]?["petBody"] == [
                "description": "The pet to store",
                "content": [
                    "application/json": ["schema": ["$ref": "#/components/schemas/Pet"]],
                    "application/xml": ["schema": ["$ref": "#/components/schemas/Pet"]],
                ],
                "required": true,
            ])
        #expect(
            components["responses"]?["NotFound"] == [
                "description": "No such pet",
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
            ])
        let pets = root["paths"]?["/pets"]
        #expect(pets?["get"]?["parameters"]?[0] == ["$ref": "#/components/parameters/limit"])
        #expect(pets?["post"]?["requestBody"] == ["$ref": "#/components/requestBodies/petBody"])
        #expect(pets?["post"]?["parameters"] == nil)
        #expect(
            root["paths"]?["/pets/{petId}"]?["get"]?["responses"]?["404"] == ["$ref": "#/components/responses/NotFound"]
        )
    }

    @Test func componentsWithOtherMediaTypesAreCopiedWhereUsed() throws {
        let put = try Self.petstore().root["paths"]?["/pets/import"]?["put"]
        #expect(
            put?["requestBody"] == [
                "description": "The pet to store",
                "content": ["application/x-yaml": ["schema": ["$ref": "#/components/schemas/Pet"]]],
                "required": true,
            ])
        #expect(
            put?["responses"]?["404"] == [
                "description": "No such pet",
                "content": ["text/csv": ["schema": ["$ref": "#/components/schemas/Error"]]],
            ])
    }

    @Test func schemasNullableFileDiscriminatorAndExtensions() throws {
        let pet = try Self.petstore().root["components"]?["schemas"]?["Pet"]
        #expect(pet?["discriminator"] == ["propertyName": "kind"])
        #expect(pet?["properties"]?["tag"] == ["type": "string", "nullable": true])
        #expect(pet?["properties"]?["photo"] == ["type": "string", "format": "binary"])
        // A property named like an extension is a property, not an extension.
        #expect(pet?["properties"]?["x-rating"] == ["type": "integer"])
        #expect(pet?["required"] == ["id", "name", "kind"])
    }

    @Test func nonBodyParametersAndCollectionFormats() throws {
        let parameters = try #require(try Self.petstore().root["paths"]?["/pets"]?["get"]?["parameters"]?.arrayValue)
        func named(_ name: String) -> JSONValue? { parameters.first { $0["name"]?.stringValue == name } }
        #expect(
            named("tags") == [
                "name": "tags", "in": "query", "schema": ["type": "array", "items": ["type": "string"]],
                "style": "form", "explode": false,
            ])
        #expect(named("ids")?["style"] == "form")
        #expect(named("ids")?["explode"] == true)
        #expect(named("words")?["style"] == "spaceDelimited")
        #expect(named("flags")?["style"] == "pipeDelimited")
        #expect(named("columns")?["style"] == "form")
        #expect(named("columns")?["explode"] == false)
        #expect(
            named("q") == [
                "name": "q", "in": "query", "allowEmptyValue": true,
                "schema": ["type": "string", "pattern": "^[a-z]*$", "maxLength": 10],
            ])
        // csv is 2.0's default; in a header it is style simple.
        #expect(named("X-Trace")?["style"] == "simple")
        #expect(named("X-Trace")?["explode"] == false)
        #expect(
            named("score")?["schema"] == [
                "type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true,
                "multipleOf": 0.5,
            ])
        #expect(
            named("sizes")?["schema"] == [
                "type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true,
                "items": ["type": "string", "enum": ["S", "M", "L"]],
            ])
        let petId = try Self.petstore().root["paths"]?["/pets/{petId}"]?["parameters"]?[0]
        #expect(
            petId == [
                "name": "petId", "in": "path", "required": true, "x-example": 7,
                "schema": ["type": "array", "items": ["type": "integer"]],
                "style": "simple", "explode": false,
            ])
        let spec = try OpenAPIModelBuilder.build(Self.petstore())
        let list = try #require(spec.operation(id: "listPets"))
        #expect(list.parameters.map(\.key).count == 10)
        #expect(list.parameters.first { $0.name == "words" }?.style == .spaceDelimited)
    }

    @Test func tsvIsAWarning() throws {
        let documents = try Self.petstore()
        let notes = try #require(documents.conversion?.notes)
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        #expect(note.message.contains("tsv"))
        // Its line is the parameter's `collectionFormat: tsv` in the 2.0 file.
        let line = try #require(documents.position(of: note.location)?.line)
        #expect(try Self.line(containing: "collectionFormat: tsv") == line)
    }

    @Test func requestBodiesFromBodyAndFormParameters() throws {
        let paths = try Self.petstore().root["paths"]
        // Operation consumes replace the global ones.
        #expect(
            paths?["/pets/{petId}"]?["put"]?["requestBody"] == [
                "content": ["application/merge-patch+json": ["schema": ["$ref": "#/components/schemas/Pet"]]]
            ])
        // A file field forces multipart even where only urlencoded is consumed.
        #expect(
            paths?["/pets/{petId}/photo"]?["post"]?["requestBody"] == [
                "content": [
                    "multipart/form-data": [
                        "schema": [
                            "type": "object",
                            "properties": [
                                "file": ["type": "string", "format": "binary", "description": "The photo"],
                                "caption": ["type": "string", "maxLength": 140],
                            ],
                            "required": ["file"],
                        ]
                    ]
                ],
                "required": true,
            ])
        #expect(
            paths?["/pets/{petId}/photo"]?["post"]?["parameters"] == [
                ["name": "petId", "in": "path", "required": true, "schema": ["type": "integer"]]
            ])
        // Both form media types when both are consumed; a referenced form field is inlined.
        let note = paths?["/pets/{petId}/note"]?["post"]?["requestBody"]?["content"]
        let schema: JSONValue = [
            "type": "object",
            "properties": ["text": ["type": "string"], "tags": ["type": "array", "items": ["type": "string"]]],
            "required": ["text"],
        ]
        #expect(
            note == [
                "application/x-www-form-urlencoded": ["schema": schema], "multipart/form-data": ["schema": schema],
            ])
        let spec = try OpenAPIModelBuilder.build(Self.petstore())
        let upload = try #require(spec.operation(id: "uploadPhoto"))
        #expect(upload.requestBody?.content.map(\.mediaType) == ["multipart/form-data"])
    }

    @Test func responsesContentHeadersAndExamples() throws {
        let get = try Self.petstore().root["paths"]?["/pets"]?["get"]
        let ok = get?["responses"]?["200"]
        let items: JSONValue = ["type": "array", "items": ["$ref": "#/components/schemas/Pet"]]
        // Operation produces replace the global ones; examples of other types get their own entry.
        #expect(
            ok?["content"] == [
                "application/json": ["schema": items, "example": [["id": 1, "name": "Rex", "kind": "dog"]]],
                "text/csv": ["schema": items],
                "text/plain": ["schema": items, "example": "1,Rex,dog"],
            ])
        #expect(
            ok?["headers"] == [
                "X-Rate-Limit": ["description": "Calls left", "schema": ["type": "integer", "format": "int32"]],
                "X-Next": ["schema": ["type": "array", "items": ["type": "string"]]],
            ])
        let error: JSONValue = ["schema": ["$ref": "#/components/schemas/Error"]]
        #expect(get?["responses"]?["default"]?["content"] == ["application/json": error, "text/csv": error])
        // A response without a schema has no content; a file response is binary.
        let paths = try Self.petstore().root["paths"]
        #expect(paths?["/pets/{petId}"]?["put"]?["responses"]?["200"] == ["description": "Updated"])
        #expect(
            paths?["/pets/{petId}/photo"]?["post"]?["responses"]?["200"]?["content"] == [
                "application/json": ["schema": ["type": "string", "format": "binary"]]
            ])
    }

    @Test func securitySchemes() throws {
        let schemes = try Self.petstore().root["components"]?["securitySchemes"]
        #expect(schemes?["basicAuth"] == ["type": "http", "scheme": "basic", "description": "HTTP basic"])
        #expect(schemes?["apiKey"] == ["type": "apiKey", "name": "X-API-Key", "in": "header"])
        #expect(
            schemes?["implicitAuth"] == [
                "type": "oauth2",
                "flows": [
                    "implicit": [
                        "authorizationUrl": "https://auth.example.com/authorize",
                        "scopes": ["read:pets": "read your pets"],
                    ]
                ],
            ])
        #expect(
            schemes?["passwordAuth"] == [
                "type": "oauth2", "flows": ["password": ["tokenUrl": "https://auth.example.com/token", "scopes": [:]]],
            ])
        #expect(
            schemes?["appAuth"] == [
                "type": "oauth2",
                "flows": [
                    "clientCredentials": [
                        "tokenUrl": "https://auth.example.com/token", "scopes": ["admin": "administer"],
                    ]
                ],
            ])
        #expect(
            schemes?["codeAuth"] == [
                "type": "oauth2",
                "flows": [
                    "authorizationCode": [
                        "authorizationUrl": "https://auth.example.com/authorize",
                        "tokenUrl": "https://auth.example.com/token",
                        "scopes": ["write:pets": "modify pets"],
                    ]
                ],
            ])
        let spec = try OpenAPIModelBuilder.build(Self.petstore())
        #expect(spec.securitySchemes.count == 6)
        #expect(spec.operation(id: "createPet")?.security.count == 2)
    }

    @Test func multiFileReferencesAreRewrittenInEveryDocument() throws {
        let documents = try Fixtures.load("swagger2/multi/api.yaml")
        let root = documents.root
        #expect(root["servers"] == [["url": "/api"]])
        let get = root["paths"]?["/things"]?["get"]
        #expect(get?["parameters"]?[0] == ["$ref": "common.yaml#/components/parameters/page"])
        // A parameter at a place 2.0 has no section for is converted and inlined.
        #expect(
            get?["parameters"]?[1] == [
                "name": "filter", "in": "query", "schema": ["type": "array", "items": ["type": "string"]],
                "style": "pipeDelimited",
                "explode": false,
            ])
        #expect(
            get?["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["items"] == [
                "$ref": "common.yaml#/components/schemas/Thing"
            ])
        #expect(get?["responses"]?["400"] == ["$ref": "common.yaml#/components/responses/Problem"])
        #expect(
            root["paths"]?["/things"]?["post"]?["requestBody"] == [
                "$ref": "common.yaml#/components/requestBodies/newThing"
            ])
        let common = try #require(documents.store[Fixtures.uri("swagger2/multi/common.yaml")])
        #expect(common["definitions"] == nil)
        #expect(
            common["components"]?["schemas"]?["Thing"]?["properties"]?["parent"] == [
                "nullable": true, "allOf": [["$ref": "#/components/schemas/Thing"]],
            ])
        #expect(
            common["components"]?["requestBodies"]?["newThing"]?["content"] == [
                "application/json": ["schema": ["$ref": "#/components/schemas/Thing"]]
            ])
        #expect(
            common["components"]?["parameters"]?["page"] == [
                "name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1],
            ])
        let spec = try OpenAPIModelBuilder.build(documents)
        let things = try #require(spec.operation(id: "GET /things"))
        #expect(things.parameters.map(\.name) == ["page", "filter"])
        // The inlined parameter is located in the file that defines it.
        let filter = try #require(things.parameters.last)
        let source = documents.sourceLocation(of: filter.source)
        #expect(
            source
                == JSONLocation(
                    document: Fixtures.uri("swagger2/multi/common.yaml"), pointer: JSONPointer(tokens: ["Filter"])))
        #expect(documents.position(of: filter.source)?.line == 33)
        #expect(
            documents.position(
                of: JSONLocation(
                    document: Fixtures.uri("swagger2/multi/common.yaml"),
                    pointer: JSONPointer(tokens: ["components", "schemas", "Thing", "properties", "label"])))?.line
                == 10)
    }

    // MARK: Positions

    static func line(containing text: String, file: String = "swagger2/petstore.yaml") throws -> Int {
        let lines = try String(contentsOfFile: Fixtures.folder + "/" + file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func convertedPointersNameTheirOriginalLines() throws {
        let documents = try Self.petstore()
        let uri = Fixtures.uri("swagger2/petstore.yaml")
        func line(_ tokens: [String]) -> Int? {
            documents.position(of: JSONLocation(document: uri, pointer: JSONPointer(tokens: tokens)))?.line
        }
        #expect(
            documents.sourceLocation(
                of: JSONLocation(
                    document: uri, pointer: JSONPointer(tokens: ["components", "schemas", "Pet", "properties", "id"])))
                == JSONLocation(
                    document: uri, pointer: JSONPointer(tokens: ["definitions", "Pet", "properties", "id"])))
        #expect(line(["components", "schemas", "Pet", "properties", "id"]) == 83)
        #expect(line(["components", "schemas", "Owner"]) == 101)
        #expect(line(["paths", "/pets", "post", "requestBody"]) == 214)
        #expect(line(["components", "requestBodies", "petBody", "content", "application/json", "schema"]) == 64)
        #expect(
            line([
                "paths", "/pets/{petId}/photo", "post", "requestBody", "content", "multipart/form-data", "schema",
                "properties", "caption",
            ]) == 265)
        #expect(line(["paths", "/pets", "get", "responses", "200", "content", "text/csv", "schema", "items"]) == 196)
        #expect(line(["paths", "/pets", "get", "responses", "200", "content", "text/plain", "example"]) == 203)
        #expect(
            line(["paths", "/pets", "get", "responses", "200", "headers", "X-Rate-Limit", "schema", "format"]) == 188)
        #expect(line(["paths", "/pets", "get", "parameters", "2", "explode"]) == 134)
        #expect(line(["components", "securitySchemes", "codeAuth", "flows", "authorizationCode", "tokenUrl"]) == 45)
        #expect(line(["servers"]) == 6)
        #expect(line(["openapi"]) == 1)
    }

    @Test func loadErrorsNameTheOriginalPlace() throws {
        let uri = "file:///mem/api.yaml"
        let text = """
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - name: p
                      in: query
                      type: string
                    - name: b
                      in: body
                      schema: {type: object}
                      required: "yes"
                  responses:
                    "200":
                      description: ok
                      headers:
                        X: {type: string}
                      schema:
                        type: object
            """
        // A dangling reference after conversion is reported where the original was written.
        let dangling = text.replacingOccurrences(
            of: "schema: {type: object}", with: "schema: {$ref: \"#/definitions/Nope\"}")
        let error = try #require(
            Fixtures.error {
                try DocumentSetLoader(provider: MemoryProvider(files: [uri: dangling])).load(rootURI: uri)
            })
        #expect(error.line == 12)
        // A model error in a converted part names the original pointer and line.
        let bad = text.replacingOccurrences(of: "description: ok", with: "description: [1]")
            .replacingOccurrences(of: "required: \"yes\"", with: "required: true")
        let documents = try DocumentSetLoader(provider: MemoryProvider(files: [uri: bad])).load(rootURI: uri)
        let modelError = try #require(Fixtures.error { try OpenAPIModelBuilder.build(documents) })
        #expect(modelError.line == 16, "\(modelError)")
        #expect(modelError.pointer == JSONPointer(tokens: ["paths", "/a", "get", "responses", "200", "description"]))
        let bodyError = try #require(
            Fixtures.error {
                try OpenAPIModelBuilder.build(
                    DocumentSetLoader(provider: MemoryProvider(files: [uri: text])).load(rootURI: uri))
            })
        #expect(bodyError.line == 13, "\(bodyError)")
        #expect(bodyError.pointer == JSONPointer(tokens: ["paths", "/a", "get", "parameters", "1", "required"]))
    }
}
