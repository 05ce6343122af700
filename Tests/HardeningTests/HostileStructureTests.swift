import SpecGateCore
import SpecGateJSON
import Testing

/// Documents that parse but are not OpenAPI documents: each is one load error naming the file, the
/// pointer of the offending value and its line.
@Suite struct HostileStructureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var pointer: String
        var message: String
        var line: Int?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "paths is an array", text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  - /a\n",
            pointer: "/paths", message: "`paths` must be an object", line: 3),
        Case(
            name: "operation is a string",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: list things\n",
            pointer: "/paths/~1a/get", message: "operation must be an object", line: 5),
        Case(
            name: "missing info", text: "openapi: 3.0.3\npaths: {}\n", pointer: "", message: "`info`", line: 1),
        Case(
            name: "info is a string", text: "openapi: 3.0.3\ninfo: my api\npaths: {}\n", pointer: "/info",
            message: "`info` must be an object", line: 2),
        Case(
            name: "info title is a number", text: "openapi: 3.0.3\ninfo:\n  title: 12\n  version: '1'\npaths: {}\n",
            pointer: "/info/title", message: "`title` must be a string", line: 3),
        Case(
            name: "openapi version is a number", text: "openapi: 3.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
            pointer: "/openapi", message: "version string", line: 1),
        Case(
            name: "openapi version unsupported", text: "openapi: 4.0.0\ninfo: {title: t, version: '1'}\n",
            pointer: "/openapi", message: "unsupported OpenAPI version", line: 1),
        Case(
            name: "swagger 3", text: "swagger: '3.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", pointer: "/swagger",
            message: "unsupported Swagger version \"3.0\"", line: 1),
        Case(
            name: "path without a slash",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  a: {}\n", pointer: "/paths/a",
            message: "must start with \"/\"", line: 4),
        Case(
            name: "path item is a number", text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: 7\n",
            pointer: "/paths/~1a", message: "path item must be an object", line: 4),
        Case(
            name: "parameters is an object",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    parameters: {name: q}\n",
            pointer: "/paths/~1a/parameters", message: "`parameters` must be an array", line: 5),
        Case(
            name: "parameter without in",
            text:
                "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n        - name: q\n",
            pointer: "/paths/~1a/get/parameters/0", message: "needs `in`", line: 7),
        Case(
            name: "responses is an array",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: [200]\n",
            pointer: "/paths/~1a/get/responses", message: "`responses` must be an object", line: 6),
        Case(
            name: "response key is not a status",
            text:
                "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        ok: {description: x}\n",
            pointer: "/paths/~1a/get/responses/ok", message: "is not a status code", line: 7),
        Case(
            name: "tags are numbers",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      tags: [1, 2]\n",
            pointer: "/paths/~1a/get/tags", message: "`tags` must be an array of strings", line: 6),
        Case(
            name: "dangling reference",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: '#/nowhere'\n",
            pointer: "/paths/~1a", message: "dangling $ref", line: 4),
        Case(
            name: "malformed pointer in a reference",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: '#/a~2b'\n",
            pointer: "/paths/~1a", message: "malformed JSON Pointer", line: 4),
    ]

    @Test(arguments: cases) func structureErrorNamesFilePointerAndLine(_ hostile: Case) throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write("api.yaml", hostile.text)
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.file == files.path("api.yaml"))
        #expect(error.pointer?.description == hostile.pointer, "\(error)")
        #expect(error.message.contains(hostile.message), "\(error)")
        #expect(error.line == hostile.line, "\(error)")
        #expect(error.description.hasPrefix(files.path("api.yaml") + ":"))
    }

    @Test func remoteReferencesAreRefused() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.yaml",
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: 'https://example.com/api.yaml#/paths/~1a'\n"
        )
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.message.contains("never fetches over the network"), "\(error)")
        #expect(error.pointer?.description == "/paths/~1a")
        #expect(error.line == 4)
    }
}
