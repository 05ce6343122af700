import SpecGateCore
import SpecGateJSON
import SpecGateSchema
import Testing

/// `$ref` chains that loop back on themselves: each is one load error naming the file, the pointer of
/// a `$ref` in the loop and its line, found without following the loop forever.
@Suite struct ReferenceCycleTests {
    private func expectCycle(_ error: SpecLoadError?, file: String, pointers: Set<String>) {
        guard let error else {
            Issue.record("the cyclic document loaded")
            return
        }
        #expect(error.file == file)
        #expect(error.message.contains("$ref cycle"), "\(error)")
        #expect(pointers.contains(error.pointer?.description ?? "none"), "\(error)")
        #expect(error.line != nil, "\(error)")
    }

    @Test func directSelfReference() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.json",
            HostileSpec.json(
                paths:
                    ##"{"/a": {"get": \##(HostileSpec.operation(parameters: ##"[{"$ref": "#/components/parameters/P"}]"##))}}"##,
                components: ##"{"parameters": {"P": {"$ref": "#/components/parameters/P"}}}"##))
        expectCycle(
            files.loadError("api.json"), file: files.path("api.json"),
            pointers: ["/components/parameters/P", "/paths/~1a/get/parameters/0"])
    }

    @Test func longParameterChain() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let count = 5_000
        var parameters: [String] = []
        for i in 0..<count {
            parameters.append(##""P\##(i)": {"$ref": "#/components/parameters/P\##((i + 1) % count)"}"##)
        }
        try files.write(
            "api.json",
            HostileSpec.json(
                paths:
                    ##"{"/a": {"get": \##(HostileSpec.operation(parameters: ##"[{"$ref": "#/components/parameters/P0"}]"##))}}"##,
                components: "{\"parameters\": {" + parameters.joined(separator: ",\n") + "}}"))
        let error = files.loadError("api.json")
        expectCycle(
            error, file: files.path("api.json"), pointers: ["/paths/~1a/get/parameters/0", "/components/parameters/P0"])
        #expect(error?.message.contains("#/components/parameters/P4999") == true)
    }

    @Test func longChainWithoutCycleLoads() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let count = 5_000
        var parameters: [String] = []
        for i in 0..<(count - 1) {
            parameters.append(##""P\##(i)": {"$ref": "#/components/parameters/P\##(i + 1)"}"##)
        }
        parameters.append(##""P\##(count - 1)": {"name": "q", "in": "query", "schema": {"type": "string"}}"##)
        try files.write(
            "api.json",
            HostileSpec.json(
                paths:
                    ##"{"/a": {"get": \##(HostileSpec.operation(parameters: ##"[{"$ref": "#/components/parameters/P0"}]"##))}}"##,
                components: "{\"parameters\": {" + parameters.joined(separator: ",\n") + "}}"))
        let target = try files.load("api.json")
        #expect(target.spec.operations.first?.parameters.map(\.name) == ["q"])
    }

    @Test func responseCycle() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  responses:
                    "200": {$ref: "#/components/responses/R1"}
            components:
              responses:
                R1: {$ref: "#/components/responses/R2"}
                R2: {$ref: "#/components/responses/R3"}
                R3: {$ref: "#/components/responses/R1"}
            """)
        let error = files.loadError("api.yaml")
        expectCycle(
            error, file: files.path("api.yaml"),
            pointers: [
                "/paths/~1a/get/responses/200", "/components/responses/R1", "/components/responses/R2",
                "/components/responses/R3",
            ])
        #expect(error?.line.map { $0 >= 7 } == true)
    }

    @Test func pathItemCycle() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.json",
            HostileSpec.json(paths: ##"{"/a": {"$ref": "#/paths/~1b"}, "/b": {"$ref": "#/paths/~1a"}}"##))
        expectCycle(files.loadError("api.json"), file: files.path("api.json"), pointers: ["/paths/~1a", "/paths/~1b"])
    }

    @Test func crossFileCycle() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.json",
            HostileSpec.json(
                paths: ##"{"/a": {"get": \##(HostileSpec.operation(schema: ##"{"$ref": "other.json#/Loop"}"##))}}"##,
                components: ##"{"schemas": {"Back": {"$ref": "other.json#/Loop"}}}"##))
        try files.write("other.json", ##"{"Loop": {"$ref": "api.json#/components/schemas/Back"}}"##)
        let error = files.loadError("api.json")
        #expect(error?.message.contains("$ref cycle") == true, "\(String(describing: error))")
        #expect([files.path("api.json"), files.path("other.json")].contains(error?.file ?? ""))
        #expect(error?.pointer != nil && error?.line != nil)
    }

    @Test func schemaCycleIsRefusedButRecursionIsFine() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "loop.json",
            HostileSpec.json(
                paths:
                    ##"{"/a": {"get": \##(HostileSpec.operation(schema: ##"{"$ref": "#/components/schemas/A"}"##))}}"##,
                components:
                    ##"{"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}}"##
            ))
        expectCycle(
            files.loadError("loop.json"), file: files.path("loop.json"),
            pointers: [
                "/components/schemas/A", "/components/schemas/B",
                "/paths/~1a/get/responses/200/content/application~1json/schema",
            ])

        try files.write(
            "tree.json",
            HostileSpec.json(
                paths:
                    ##"{"/a": {"get": \##(HostileSpec.operation(schema: ##"{"$ref": "#/components/schemas/Node"}"##))}}"##,
                components:
                    ##"{"schemas": {"Node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}"##
            ))
        let target = try files.load("tree.json")
        let schema = try #require(target.spec.operations.first?.responses.first?.content.first?.schema)
        var compiler = SchemaCompiler(documents: target.documents.store, options: SchemaOptions(dialect: .openAPI30))
        let compiled = try compiler.compile(schema)
        var deep: JSONValue = ["children": []]
        for _ in 0..<200 { deep = ["children": [deep]] }
        #expect(compiled.isValid(deep))
        #expect(!compiled.isValid(["children": [["children": 1]]]))
    }
}
