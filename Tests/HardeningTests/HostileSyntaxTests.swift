import Foundation
import SpecGateCore
import SpecGateJSON
import Testing

/// Hostile bytes: deep nesting, alias bombs, duplicate keys, bad encodings, empty and scalar files,
/// a 50 MB document. Each loads or fails with one error naming the file (and line where known),
/// in bounded time and memory.
@Suite struct HostileSyntaxTests {
    static let minimal = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"

    @Test(arguments: ["[", "{\"a\":"]) func jsonNested100000Levels(_ opener: String) throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let closer = opener == "[" ? "]" : "}"
        let depth = 100_000
        let text =
            "{\"openapi\": \"3.0.3\", \"x-deep\": " + String(repeating: opener, count: depth) + "1"
            + String(repeating: closer, count: depth) + "}"
        try files.write("api.json", text)
        let error = try #require(files.loadError("api.json"))
        #expect(error.file == files.path("api.json"))
        #expect(error.message.contains("nesting deeper than 512 levels"), "\(error)")
        #expect(error.line == 1)
        #expect(error.pointer?.tokens.first == "x-deep")
    }

    @Test func yamlFlowNested100000Levels() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let depth = 100_000
        try files.write(
            "api.yaml",
            Self.minimal + "x-deep: " + String(repeating: "[", count: depth) + "1"
                + String(repeating: "]", count: depth) + "\n")
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.file == files.path("api.yaml"))
        #expect(error.message.contains("nesting deeper than"), "\(error)")
        #expect(error.line == 4, "\(error)")
    }

    @Test func yamlBlockNested2000Levels() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        var text = Self.minimal + "x-deep:\n"
        for level in 1...2_000 { text += String(repeating: " ", count: level) + "- \n" }
        try files.write("api.yaml", text)
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.file == files.path("api.yaml"))
        #expect(error.message.contains("nesting deeper than"), "\(error)")
        #expect(error.line != nil)
    }

    @Test func yamlJSONStyleDeepNestingNamesTheNesting() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let depth = 100_000
        try files.write("api.yaml", String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.message.contains("nesting deeper than"), "\(error)")
        #expect(error.line == 1)
    }

    @Test func yamlBillionLaughs() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        var text = Self.minimal + "x-lol:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "  a\(level): &a\(level) [\(aliases)]\n"
        }
        text += "x-bomb: *a9\n"
        try files.write("api.yaml", text)
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.file == files.path("api.yaml"))
        #expect(error.message.contains("too many YAML aliases"), "\(error)")
        #expect(error.line != nil)
    }

    @Test func jsonDuplicateKeys() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"a\",\n    \"title\": \"b\"}\n}")
        let error = try #require(files.loadError("api.json"))
        #expect(error.message.contains("duplicate key \"title\""), "\(error)")
        #expect(error.line == 4)
        #expect(error.pointer?.description == "/info")
    }

    @Test func yamlDuplicateKeys() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write("api.yaml", "openapi: 3.0.3\ninfo:\n  title: a\n  version: '1'\n  title: b\npaths: {}\n")
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.message.contains("duplicate key \"title\""), "\(error)")
        #expect(error.line == 5)
    }

    @Test func invalidUTF8InAJSONString() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.json",
            bytes: Array("{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"".utf8) + [0xC3, 0x28] + Array("\"}}".utf8)
        )
        let error = try #require(files.loadError("api.json"))
        #expect(error.message.contains("invalid UTF-8"), "\(error)")
        #expect(error.line == 2)
        #expect(error.pointer?.description == "/info/title")
    }

    @Test func invalidUTF8InYAMLNamesTheLine() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        try files.write(
            "api.yaml", bytes: Array("openapi: 3.0.3\ninfo:\n  title: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8))
        let error = try #require(files.loadError("api.yaml"))
        #expect(error.file == files.path("api.yaml"))
        #expect(error.message.contains("not valid UTF-8"), "\(error)")
        #expect(error.line == 3, "\(error)")
        #expect(error.column == 10, "\(error)")
    }

    @Test(arguments: ["api.json", "api.yaml"]) func byteOrderMarkIsSkipped(_ name: String) throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let text =
            name.hasSuffix(".json")
            ? ##"{"openapi": "3.0.3", "info": {"title": "bom", "version": "1"}, "paths": {}}"## : Self.minimal
        try files.write(name, bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let target = try files.load(name)
        #expect(target.spec.openAPIVersion == "3.0.3")
    }

    @Test func crlfLineEndings() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let yaml =
            "openapi: 3.0.3\r\ninfo:\r\n  title: crlf\r\n  version: '1'\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        '200': {description: ok}\r\n"
        try files.write("api.yaml", yaml)
        let target = try files.load("api.yaml")
        #expect(target.spec.title == "crlf")
        #expect(target.spec.operations.count == 1)
        // Errors in CRLF files still count lines right.
        try files.write("bad.yaml", yaml + "        'abc': {description: bad}\r\n")
        let error = try #require(files.loadError("bad.yaml"))
        #expect(error.line == 10, "\(error)")
        try files.write("bad.json", "{\r\n\"openapi\": \"3.0.3\",\r\n\"info\": {\r\n\"title\": tru\r\n}}")
        let jsonError = try #require(files.loadError("bad.json"))
        #expect(jsonError.line == 4, "\(jsonError)")
    }

    @Test(arguments: ["api.json", "api.yaml"]) func emptyFile(_ name: String) throws {
        let files = try HostileFiles()
        defer { files.remove() }
        for content in ["", "   \n\n", "\u{FEFF}"] {
            try files.write(name, content)
            let error = try #require(files.loadError(name))
            #expect(error.file == files.path(name))
            #expect(error.message.contains("empty") || error.message.contains("unexpected end of input"), "\(error)")
            #expect(error.line != nil, "\(error)")
        }
        if name.hasSuffix(".yaml") {
            try files.write(name, "## only a comment\n")
            #expect(files.loadError(name)?.message.contains("empty") == true)
        }
    }

    @Test(arguments: ["42", "\"openapi\"", "null", "true", "[]", "[{\"openapi\": \"3.0.3\"}]"])
    func scalarOrArrayDocument(_ text: String) throws {
        let files = try HostileFiles()
        defer { files.remove() }
        for name in ["api.json", "api.yaml"] {
            try files.write(name, text)
            let error = try #require(files.loadError(name))
            #expect(error.file == files.path(name))
            #expect(error.message.contains("neither an OpenAPI document nor a suite"), "\(error)")
            #expect(error.pointer == .root)
        }
    }

    @Test func fiftyMegabyteDocumentLoads() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        var schemas: [String] = []
        var size = 0
        var index = 0
        let filler = String(repeating: "x", count: 300)
        while size < 50_000_000 {
            let schema =
                ##""S\##(index)": {"type": "object", "description": "\##(filler)", "required": ["id"], "properties": {"id": {"type": "integer", "minimum": 0}, "name": {"type": "string", "maxLength": 64}, "next": {"$ref": "#/components/schemas/S\##(index + 1)"}}}"##
            schemas.append(schema)
            size += schema.utf8.count + 2
            index += 1
        }
        schemas.append(##""S\##(index)": {"type": "null"}"##)
        let operation = HostileSpec.operation(schema: ##"{"$ref": "#/components/schemas/S0"}"##)
        try files.write(
            "big.json",
            HostileSpec.json(
                paths: ##"{"/a": {"get": \##(operation)}}"##,
                components: "{\"schemas\": {" + schemas.joined(separator: ",\n") + "}}"))
        let clock = ContinuousClock()
        let start = clock.now
        let target = try files.load("big.json")
        print("50 MB document (\(index + 1) schemas) loaded in \(clock.now - start)")
        #expect(target.spec.operations.count == 1)
        #expect(
            target.documents.store.value(
                at: JSONLocation(
                    document: target.documents.rootURI,
                    pointer: JSONPointer(tokens: ["components", "schemas", "S\(index)"]))) == ["type": "null"])
    }

    @Test func oversizedDocumentIsRefused() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let path = try files.write("huge.json", "{}")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let error = try #require(files.loadError("huge.json"))
        #expect(error.file == files.path("huge.json"))
        #expect(error.message.contains("larger than the limit"), "\(error)")
    }
}
