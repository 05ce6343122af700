import SpecGateCore
import SpecGateJSON
import Testing

@Suite struct LoadModelTests {
    @Test func documentLevelFields() throws {
        let spec = try Fixtures.spec("petstore.yaml")
        #expect(spec.title == "Pet store")
        #expect(spec.version == "1.2")
        #expect(spec.openAPIVersion == "3.0.3")
        #expect(spec.dialect == .openAPI30)
        #expect(spec.servers == ["https://pets.example.com/v1"])
        #expect(
            spec.securitySchemes["apiKey"]
                == SecurityScheme(name: "apiKey", kind: .apiKey, location: .header, parameterName: "X-API-Key"))
        #expect(spec.operations.map(\.id) == ["getPet", "DELETE /pets/{petId}", "getOwner"])
        #expect(spec.rootURI == Fixtures.uri("petstore.yaml"))
    }

    @Test func jsonAndYAMLBuildTheSameModel() throws {
        let yaml = try Fixtures.spec("petstore.yaml")
        let json = try Fixtures.spec("petstore.json")
        #expect(yaml.operations.count == json.operations.count)
        for (a, b) in zip(yaml.operations, json.operations) {
            #expect(a.id == b.id)
            #expect(a.parameters.map(\.key) == b.parameters.map(\.key))
            #expect(a.parameters.map(\.schema?.pointer) == b.parameters.map(\.schema?.pointer))
            #expect(a.responses.map(\.status) == b.responses.map(\.status))
            #expect(a.responses.map(\.source.pointer) == b.responses.map(\.source.pointer))
        }
    }

    @Test func pathLevelParametersMergeAndOperationOverrides() throws {
        let spec = try Fixtures.spec("petstore.yaml")
        let getPet = try #require(spec.operation(id: "getPet"))
        #expect(getPet.parameters.map(\.key) == ["path:petId", "header:x-trace", "query:limit", "query:odd"])
        // Operation-level petId (integer) replaces the path-level one (string).
        let petId = try #require(getPet.parameters.first)
        #expect(petId.source.pointer.tokens == ["paths", "/pets/{petId}", "get", "parameters", "0"])
        #expect(spec.documents.value(at: try #require(petId.schema))?["type"] == "integer")
        // Header names compare without case: "x-trace" replaces "X-Trace".
        let trace = getPet.parameters[1]
        #expect(trace.name == "x-trace")
        #expect(trace.required)
        // Inherited, through a $ref.
        let limit = getPet.parameters[2]
        #expect(limit.source.pointer == JSONPointer(tokens: ["components", "parameters", "limit"]))
        #expect(!limit.required)
        #expect(limit.style == .form && limit.explode)
        // The other operation of the path item inherits all three unchanged.
        let delete = try #require(spec.operation(id: "DELETE /pets/{petId}"))
        #expect(delete.parameters.map(\.name) == ["petId", "X-Trace", "limit"])
        #expect(delete.parameters[0].style == .simple && !delete.parameters[0].explode)
        #expect(spec.documents.value(at: try #require(delete.parameters[0].schema))?["type"] == "string")
    }

    @Test func responsesWithRangesDefaultHeadersLinksAndExamples() throws {
        let spec = try Fixtures.spec("petstore.yaml")
        let getPet = try #require(spec.operation(id: "getPet"))
        #expect(getPet.responses.map(\.status) == [.exact(200), .range(4), .default])
        #expect(getPet.response(for: 404)?.description == "Client error")
        #expect(getPet.response(for: 404)?.content.first?.mediaType == "application/problem+json")
        #expect(getPet.response(for: 503)?.description == "Anything else")
        let ok = try #require(getPet.response(for: 200))
        #expect(ok.headers.map(\.name) == ["X-Rate-Limit"])
        #expect(ok.headers.first?.required == true)
        #expect(ok.content.first?.schema?.pointer == JSONPointer(tokens: ["components", "schemas", "Pet"]))
        #expect(ok.content.first?.examples == [["id": 7, "name": "Rex"]])
        #expect(ok.links.first?.operationId == "getOwner")
        #expect(ok.links.first?.parameters == ["ownerId": "$response.body#/ownerId"])
        #expect(getPet.tags == ["pets"])
        #expect(getPet.summary == "One pet")
        let body = try #require(spec.operation(id: "getOwner")?.requestBody)
        #expect(body.content.first?.examples == [["name": "root"]])
    }

    @Test func securityFallsBackToTheDocument() throws {
        let spec = try Fixtures.spec("petstore.yaml")
        #expect(spec.operation(id: "getPet")?.security == [SecurityRequirement(schemes: ["apiKey": []])])
        #expect(spec.operation(id: "getPet")?.requiresAuth == true)
        #expect(spec.operation(id: "DELETE /pets/{petId}")?.security == [])
        #expect(spec.operation(id: "DELETE /pets/{petId}")?.requiresAuth == false)
    }

    @Test func invalidResponseKeyIsAnError() {
        let text = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  responses:
                    20X:
                      description: nope
            """
        let error = Fixtures.error { try Fixtures.spec(text: text) }
        #expect(error?.message.contains("\"20X\"") == true)
        #expect(error?.pointer == JSONPointer(tokens: ["paths", "/a", "get", "responses", "20X"]))
        #expect(error?.line == 7)
    }

    @Test(arguments: [
        ("swagger: \"1.2\"\ninfo: {title: t, version: '1'}\npaths: {}\n", "unsupported Swagger version \"1.2\""),
        ("openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "unsupported OpenAPI version \"4.0.0\""),
        ("openapi: 2.0.0\ninfo: {title: t, version: '1'}\n", "unsupported OpenAPI version \"2.0.0\""),
        ("info: {title: t, version: '1'}\npaths: {}\n", "`openapi` version field is missing"),
        ("openapi: 3.1\ninfo: {title: t, version: '1'}\n", "must be a version string"),
    ])
    func unsupportedVersionsAreRefused(text: String, expected: String) {
        let error = Fixtures.error { try Fixtures.spec(text: text) }
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.file == "/mem/api.yaml")
    }

    @Test func openAPI31SelectsTheJSONSchemaDialect() throws {
        let spec = try Fixtures.spec(text: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n")
        #expect(spec.dialect == .jsonSchema2020_12)
        #expect(spec.operations.isEmpty)
    }

    @Test func parameterWithoutLocationIsAnError() {
        let text = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - name: q
                  responses: {}
            """
        let error = Fixtures.error { try Fixtures.spec(text: text) }
        #expect(error?.message.contains("needs `in`") == true)
        #expect(error?.line == 7)
    }
}
