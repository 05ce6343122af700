import SpecGateCore
import SpecGateJSON
import Testing

@Suite("Server URL resolution")
struct ServerURLTests {
    static func root(_ url: String, variables: JSONValue? = nil) -> JSONValue {
        let server: JSONValue = variables.map { ["url": .string(url), "variables": $0] } ?? ["url": .string(url)]
        return ["servers": [server]]
    }

    static let served = "http://127.0.0.1:4200/api/openapi.json"

    @Test func relativeServersResolveAgainstTheDocumentURL() throws {
        #expect(
            try ServerURL.resolve(root: Self.root("/api"), documentURI: Self.served)
                == .absolute("http://127.0.0.1:4200/api"))
        #expect(
            try ServerURL.resolve(root: Self.root("v1/"), documentURI: Self.served)
                == .absolute("http://127.0.0.1:4200/api/v1"))
        #expect(
            try ServerURL.resolve(root: Self.root("//other:81/x"), documentURI: Self.served)
                == .absolute("http://other:81/x"))
        #expect(
            try ServerURL.resolve(root: Self.root("https://api.example/v2/"), documentURI: Self.served)
                == .absolute("https://api.example/v2"))
        #expect(
            try ServerURL.resolve(root: ["openapi": "3.0.3"], documentURI: Self.served)
                == .absolute("http://127.0.0.1:4200"))
    }

    @Test func aLocalDocumentLeavesARelativeServerToTheUser() throws {
        #expect(
            try ServerURL.resolve(root: Self.root("/api"), documentURI: "file:///x/openapi.json") == .relative("/api"))
        #expect(try ServerURL.resolve(root: ["openapi": "3.0.3"], documentURI: "file:///x/openapi.json") == .none)
        #expect(ServerURL.exampleBaseURL(forRelative: "/api") == "http://localhost:8000/api")
        #expect(ServerURL.exampleBaseURL(forRelative: "api/v1") == "http://localhost:8000/api/v1")
    }

    @Test func variablesTakeGivenValuesElseDefaults() throws {
        let variables: JSONValue = ["port": ["default": "8080"], "version": ["default": "v1", "enum": ["v1", "v2"]]]
        let root = Self.root("http://localhost:{port}/{version}", variables: variables)
        #expect(
            try ServerURL.resolve(root: root, documentURI: "file:///s.yaml") == .absolute("http://localhost:8080/v1"))
        #expect(
            try ServerURL.resolve(root: root, documentURI: "file:///s.yaml", variables: ["port": "9", "version": "v2"])
                == .absolute("http://localhost:9/v2"))
        #expect(throws: ServerURL.Failure.self) {
            try ServerURL.resolve(root: root, documentURI: "file:///s.yaml", variables: ["version": "v3"])
        }
        #expect(throws: ServerURL.Failure.self) {
            try ServerURL.resolve(root: root, documentURI: "file:///s.yaml", variables: ["region": "eu"])
        }
        let noDefault = Self.root("http://{host}/", variables: ["host": ["description": "no default"]])
        #expect(throws: ServerURL.Failure.self) {
            try ServerURL.resolve(root: noDefault, documentURI: "file:///s.yaml")
        }
        #expect(
            try ServerURL.resolve(root: noDefault, documentURI: "file:///s.yaml", variables: ["host": "h"])
                == .absolute("http://h"))
    }
}
