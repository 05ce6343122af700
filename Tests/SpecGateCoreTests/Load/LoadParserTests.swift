import SpecGateCore
import SpecGateJSON
import Testing

@Suite struct LoadParserTests {
    private func parse(_ text: String, uri: String = "file:///mem/doc.yaml") throws -> JSONValue {
        try DocumentParser.parse(Array(text.utf8), uri: uri)
    }

    @Test func yamlAndJSONFixturesParseToTheSameValue() throws {
        let yaml = try DocumentParser.parse(
            Fixtures.bytes(ofURI: Fixtures.uri("petstore.yaml")), uri: Fixtures.uri("petstore.yaml"))
        let json = try DocumentParser.parse(
            Fixtures.bytes(ofURI: Fixtures.uri("petstore.json")), uri: Fixtures.uri("petstore.json"))
        #expect(yaml == json)
        #expect(yaml["info"]?["version"] == "1.2")
        #expect(yaml["paths"]?["/pets/{petId}"]?["get"]?["responses"]?["4XX"] != nil)
    }

    @Test func yamlCoreSchemaScalars() throws {
        let value = try parse(
            """
            a: true
            b: "true"
            c: ~
            d: 12
            e: -1.5e3
            f: 2024-08-13
            g: '12'
            h: yes
            i: 0x1F
            j: !!str 42
            k: !!float 1
            l: .5
            m: |
              text
            n:
            200: ok
            """)
        #expect(value["a"] == .bool(true))
        #expect(value["b"] == .string("true"))
        #expect(value["c"] == .null)
        #expect(value["d"] == 12)
        #expect(value["e"]?.doubleValue == -1500)
        #expect(value["f"] == .string("2024-08-13"))
        #expect(value["g"] == .string("12"))
        #expect(value["h"] == .string("yes"))
        #expect(value["i"] == 31)
        #expect(value["j"] == .string("42"))
        #expect(value["k"] == 1)
        #expect(value["l"]?.doubleValue == 0.5)
        #expect(value["m"] == .string("text\n"))
        #expect(value["n"] == .null)
        #expect(value["200"] == .string("ok"))
        #expect(
            value.objectValue?.keys.elementsEqual([
                "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "200",
            ]) == true)
    }

    @Test func yamlMergeKeysAndAliases() throws {
        let value = try parse(
            """
            base: &base {a: 1, b: 2}
            more: &more {b: 3, c: 4}
            one:
              <<: *base
              b: 9
            two:
              <<: [*more, *base]
            list: [*base, *base]
            """)
        #expect(value["one"] == ["a": 1, "b": 9])
        #expect(value["two"] == ["a": 1, "b": 3, "c": 4])
        #expect(value["list"]?.arrayValue?.count == 2)
    }

    @Test func malformedJSONReportsLineAndColumn() {
        let error = Fixtures.error { try parse("{\n  \"a\": 1,\n  \"b\": tru\n}", uri: "file:///mem/bad.json") }
        #expect(error?.file == "/mem/bad.json")
        #expect(error?.line == 3)
        #expect(error?.column != nil)
        #expect(error?.message.contains("malformed JSON") == true)
        #expect(error?.description.hasPrefix("/mem/bad.json:3:") == true)
    }

    @Test func malformedYAMLReportsLine() {
        let error = Fixtures.error { try parse("a: 1\nb: [1, 2\nc: 3\n") }
        #expect(error?.line != nil)
        #expect((error?.line ?? 0) >= 2)
        #expect(error?.message.contains("malformed YAML") == true)
        let tabs = Fixtures.error { try parse("a:\n  b: 1\n   c: 2\n") }
        #expect(tabs?.line == 3)
    }

    @Test func duplicateKeysAreErrors() {
        let json = Fixtures.error { try parse("{\"a\": 1,\n \"a\": 2}", uri: "file:///mem/d.json") }
        #expect(json?.message.contains("duplicate key \"a\"") == true)
        #expect(json?.line == 2)
        let yaml = Fixtures.error { try parse("x: 1\nsub:\n  key: 1\n  key: 2\n") }
        #expect(yaml?.message.contains("duplicate key") == true)
        #expect(yaml?.message.contains("first written at line 3") == true)
        #expect(yaml?.line == 4, "\(String(describing: yaml))")
        // Keys that differ in YAML but not once stringified.
        let stringified = Fixtures.error { try parse("1: a\n\"1\": b\n") }
        #expect(stringified?.message.contains("duplicate key \"1\"") == true)
        #expect(stringified?.line == 2)
    }

    @Test func aliasBombIsBoundedAndFails() {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let error = Fixtures.error {
            try DocumentParser.parse(Array(text.utf8), uri: "file:///mem/bomb.yaml", limits: .init(maxNodes: 100_000))
        }
        #expect(error?.message.contains("more than 100000 values") == true)
        // Below the limit, aliases expand normally.
        // Root, a, 1, 2, b, then a twice with its two members: 11 values.
        let text11 = Array("a: &a [1, 2]\nb: [*a, *a]\n".utf8)
        let small = try? DocumentParser.parse(text11, uri: "file:///mem/s.yaml", limits: .init(maxNodes: 11))
        #expect(small?["b"] == [[1, 2], [1, 2]])
        let tooMany = Fixtures.error {
            try DocumentParser.parse(text11, uri: "file:///mem/s.yaml", limits: .init(maxNodes: 10))
        }
        #expect(tooMany?.message.contains("more than 10 values") == true)
    }

    @Test func defaultLimitStopsAFullAliasBomb() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let error = Fixtures.error { try parse(text) }
        #expect(error?.message.contains("more than 5000000 values") == true)
        // a, b, … expand to 10, 100, … values: g (line 7) is the first beyond the limit.
        #expect(error?.line == 7)
        #expect(error?.pointer == JSONPointer(tokens: ["g"]))
    }

    @Test func deepNestingIsAnError() {
        let depth = 600
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let jsonError = Fixtures.error { try parse(json, uri: "file:///mem/deep.json") }
        #expect(jsonError?.message.contains("nesting deeper than 512") == true)
        let yaml = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let yamlError = Fixtures.error { try parse(yaml, uri: "file:///mem/deep.yml") }
        #expect(yamlError?.message.contains("nesting deeper than") == true)
        // Aliases nest deeper than the text does.
        var chain = "x0: &x0 [leaf]\n"
        for i in 1...600 { chain += "x\(i): &x\(i) [*x\(i - 1)]\n" }
        let chainError = Fixtures.error { try parse(chain) }
        #expect(chainError?.message.contains("nesting deeper than 512") == true)
        // x511 nests 512 levels below itself, one too many below the root.
        #expect(chainError?.line == 512)
        #expect(chainError?.pointer == JSONPointer(tokens: ["x511"]))
        // Within the limit.
        #expect(
            (try? parse(
                String(repeating: "[", count: 100) + String(repeating: "]", count: 100), uri: "file:///mem/ok.json"))
                != nil)
    }

    @Test func yamlFlowMappingInYAMLFile() throws {
        let value = try parse("{a: 1, b: [x, y]}")
        #expect(value == ["a": 1, "b": ["x", "y"]])
    }

    @Test func locatesPointersInJSONAndYAML() throws {
        let yamlURI = Fixtures.uri("petstore.yaml")
        let yaml = try Fixtures.bytes(ofURI: yamlURI)
        let pointer = JSONPointer(tokens: ["paths", "/pets/{petId}", "get", "responses", "4XX"])
        let yamlPosition = DocumentParser.locate(pointer, in: yaml, uri: yamlURI)
        let yamlLines = String(decoding: yaml, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(yamlPosition.map { yamlLines[$0.line - 1].contains("4XX:") } == true)

        let jsonURI = Fixtures.uri("petstore.json")
        let json = try Fixtures.bytes(ofURI: jsonURI)
        let jsonPosition = DocumentParser.locate(pointer, in: json, uri: jsonURI)
        let jsonLines = String(decoding: json, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(jsonPosition.map { jsonLines[$0.line - 1].contains("\"4XX\"") } == true)
        #expect(jsonPosition.map { jsonLines[$0.line - 1].dropFirst($0.column - 1).hasPrefix("\"4XX\"") } == true)

        let arrayPointer = JSONPointer(tokens: ["paths", "/pets/{petId}", "parameters", "1", "name"])
        let inArray = DocumentParser.locate(arrayPointer, in: json, uri: jsonURI)
        #expect(inArray.map { jsonLines[$0.line - 1].contains("X-Trace") } == true)
        #expect(DocumentParser.locate(JSONPointer(tokens: ["nope"]), in: json, uri: jsonURI) == nil)
    }
}
