import SpecGateCore
import SpecGateJSON
import Testing

@Suite struct SuiteEndpointsTests {
    private func suite(_ text: String, uri: String = "file:///mem/s/suite.yaml") throws -> Suite {
        try SuiteParser.parse(Array(text.utf8), uri: uri)
    }

    private func build(_ suite: Suite) throws -> APISpec {
        try OpenAPIModelBuilder.build(EndpointsCompiler.load(suite, provider: MemoryProvider(files: [:])))
    }

    @Test func calcomReassignSuiteBuildsOneOperation() throws {
        let uri = Fixtures.repositoryURI("specs/calcom-reassign/suite.yaml")
        let suite = try SuiteParser.parse(Fixtures.bytes(ofURI: uri), uri: uri)
        let spec = try OpenAPIModelBuilder.build(EndpointsCompiler.load(suite, provider: DiskProvider()))
        #expect(spec.rootURI == EndpointsCompiler.documentURI(for: suite))
        #expect(spec.servers == ["https://api.cal.com"])
        #expect(spec.operations.count == 1)
        let operation = try #require(spec.operations.first)
        #expect(operation.method == .post)
        #expect(operation.path == "/v2/bookings/{bookingUid}/reassign/{userId}")
        #expect(operation.id == "reassignBookingToUser")
        #expect(operation.tags == ["Bookings"])
        #expect(operation.security == [SecurityRequirement(schemes: ["auth": []])])
        #expect(spec.securitySchemes["auth"] == SecurityScheme(name: "auth", kind: .http, scheme: "bearer"))

        #expect(
            operation.parameters.map(\.key) == [
                "path:bookingUid", "path:userId", "header:authorization", "header:cal-api-version",
            ])
        func schema(_ name: String) throws -> JSONValue? {
            let parameter = try #require(operation.parameters.first { $0.name == name })
            return spec.documents.value(at: try #require(parameter.schema))
        }
        #expect(try schema("bookingUid") == ["type": "string"])
        #expect(try schema("userId") == ["type": "number"])
        #expect(try schema("cal-api-version") == ["type": "string", "enum": ["2024-08-13"]])
        #expect(try schema("Authorization")?["pattern"] == "^Bearer cal_")
        #expect(operation.parameters(in: .header).allSatisfy { $0.required })

        let body = try #require(operation.requestBody)
        #expect(body.required)
        #expect(body.content.map(\.mediaType) == ["application/json"])
        let bodySchema = spec.documents.value(at: try #require(body.content.first?.schema))
        #expect(bodySchema?["properties"]?["reason"]?["type"] == "string")
        #expect(bodySchema?["required"] == nil)

        #expect(operation.responses.map(\.status) == [.exact(200), .exact(400), .exact(401), .exact(403), .exact(404)])
        let ok = try #require(operation.response(for: 200)?.content.first?.schema)
        #expect(ok.pointer == JSONPointer(tokens: ["components", "schemas", "ReassignOutput"]))
        let okSchema = spec.documents.value(at: ok)
        #expect(okSchema?["properties"]?["status"]?["enum"] == ["success", "error"])
        #expect(
            okSchema?["properties"]?["data"]?["properties"]?["reassignedTo"]?["required"] == [
                "id", "name", "email", "displayEmail",
            ])
        #expect(
            okSchema?["properties"]?["data"]?["properties"]?["reassignedTo"]?["properties"]?["email"]?["format"]
                == "email")
        for status in [400, 401, 403, 404] {
            #expect(
                operation.response(for: status)?.content.first?.schema?.pointer
                    == JSONPointer(tokens: ["components", "schemas", "ErrorEnvelope"]))
        }
    }

    @Test func defaultsAndShorthands() throws {
        let spec = try build(
            suite(
                """
                endpoints:
                  - method: get
                    path: /users/{id}/posts/{postId}
                    parameters:
                      path: {id: integer}
                      query:
                        limit: {type: integer, required: true, minimum: 1}
                    headers:
                      X-Mode: {enum: [a, b]}
                    responses:
                      "2XX":
                        schema: {type: array}
                        headers:
                          X-Total: {type: integer, required: true}
                      default: {description: Error}
                """))
        let operation = try #require(spec.operations.first)
        #expect(operation.id == "getUsersIdPostsPostId")
        #expect(operation.parameters.map(\.key) == ["path:id", "query:limit", "path:postId", "header:x-mode"])
        #expect(operation.parameters.first { $0.name == "limit" }?.required == true)
        #expect(operation.parameters.first { $0.name == "X-Mode" }?.required == false)
        #expect(
            spec.documents.value(at: try #require(operation.parameters.last?.schema)) == [
                "enum": ["a", "b"], "type": "string",
            ])
        #expect(spec.documents.value(at: try #require(operation.parameters[2].schema)) == ["type": "string"])
        let ok = try #require(operation.response(for: 204))
        #expect(ok.description == "Status 2XX")
        #expect(ok.content.map(\.mediaType) == ["application/json"])
        #expect(ok.headers.map(\.name) == ["X-Total"])
        #expect(ok.headers.first?.required == true)
        #expect(operation.response(for: 500)?.content.isEmpty == true)
        #expect(operation.security.isEmpty)
        #expect(operation.requestBody == nil)
    }

    @Test(arguments: [
        ("endpoints:\n  - path: /a\n    responses: {200: {}}\n", "needs `method`", 2),
        ("endpoints:\n  - method: GET\n    path: /a\n    response: {}\n", "unknown key \"response\"", 4),
        ("endpoints:\n  - method: GET\n    path: /a\n", "needs `responses`", 2),
        (
            "endpoints:\n  - method: GET\n    path: /a\n    parameters: {path: {b: string}}\n    responses: {200: {}}\n",
            "\"b\" does not occur", 4
        ),
        ("endpoints:\n  - method: GET\n    path: /a\n    responses: {2000: {}}\n", "\"2000\" is not a status", 4),
        (
            "endpoints:\n  - method: POST\n    path: /a\n    body: {required: false}\n    responses: {200: {}}\n",
            "needs a `schema`", 4
        ),
        (
            "endpoints:\n  - {method: GET, path: /a, responses: {200: {}}}\n  - {method: GET, path: /a, responses: {200: {}}}\n",
            "defined twice", 3
        ),
    ])
    func invalidEndpoints(text: String, expected: String, line: Int) throws {
        let suite = try suite(text)
        let endpoints = try #require(suite.endpoints)
        let error = Fixtures.error { try EndpointsCompiler.compile(endpoints, suite: suite) }
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.line == line)
        #expect(error?.file == "/mem/s/suite.yaml")
    }

    @Test func danglingSchemaReferenceInEndpointsIsAnError() throws {
        let suite = try suite(
            """
            endpoints:
              - method: GET
                path: /a
                responses:
                  200: {schema: {$ref: '#/components/schemas/Missing'}}
            """)
        let error = Fixtures.error { try build(suite) }
        #expect(error?.message.contains("dangling $ref \"#/components/schemas/Missing\"") == true)
    }
}
