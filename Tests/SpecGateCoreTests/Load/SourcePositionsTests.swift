import SpecGateCore
import SpecGateJSON
import Testing

/// The position index (`SourcePositions`) gives, for every pointer, the line and column the old
/// re-scanning locator (`ReferenceLocator`) gave.
@Suite struct SourcePositionsTests {
    /// Every pointer of a value, the root first.
    static func pointers(of value: JSONValue) -> [JSONPointer] {
        var out: [JSONPointer] = []
        func walk(_ value: JSONValue, _ tokens: [String]) {
            out.append(JSONPointer(tokens: tokens))
            switch value {
            case .object(let object):
                for (key, member) in object { walk(member, tokens + [key]) }
            case .array(let list):
                for (index, element) in list.enumerated() { walk(element, tokens + [String(index)]) }
            default:
                break
            }
        }
        walk(value, [])
        return out
    }

    private static func reference(_ pointer: JSONPointer, in bytes: [UInt8], yaml: Bool) -> (line: Int, column: Int)? {
        yaml
            ? ReferenceLocator.locateInYAML(pointer, in: bytes[...])
            : ReferenceLocator.locateInJSON(pointer, in: bytes[...])
    }

    @Test(arguments: [
        "petstore.yaml", "petstore.json", "multi/root.yaml", "multi/common.yaml", "multi/paths/pets.yaml",
        "multi/schemas/pet.json",
    ])
    func everyPointerOfAFixtureMatchesTheReference(_ name: String) throws {
        let uri = Fixtures.uri(name)
        let bytes = try Fixtures.bytes(ofURI: uri)
        let value = try DocumentParser.parse(bytes, uri: uri)
        let index = try #require(DocumentParser.positions(in: bytes, uri: uri))
        let pointers = Self.pointers(of: value)
        #expect(pointers.count > 5)
        for pointer in pointers {
            let expected = Self.reference(pointer, in: bytes, yaml: name.hasSuffix(".yaml"))
            let found = index.locate(pointer)
            #expect(found?.line == expected?.line && found?.column == expected?.column, "\(name) \(pointer)")
        }
    }

    /// The YAML parse records the same index the one-pass builder gives, and the loader keeps it.
    @Test func theLoaderKeepsTheIndexOfItsParse() throws {
        let documents = try Fixtures.load("multi/root.yaml")
        #expect(documents.positions[documents.rootURI] != nil)
        let uri = Fixtures.uri("multi/paths/pets.yaml")
        let bytes = try Fixtures.bytes(ofURI: uri)
        let parsed = try DocumentParser.parseIndexed(bytes, uri: uri)
        let index = try #require(parsed.positions)
        for pointer in Self.pointers(of: parsed.value) {
            let location = JSONLocation(document: uri, pointer: pointer)
            let fromLoader = documents.position(of: location)
            #expect(
                fromLoader?.line == index.locate(pointer)?.line && fromLoader?.column == index.locate(pointer)?.column)
        }
    }

    /// Cal.com's document (1.1 MB): every pointer's position holds the member's key (or the element's
    /// first character); a sample also matches the reference locator.
    @Test func everyPointerOfCalcomPointsAtItsKey() throws {
        let uri = Fixtures.repositoryURI("specs/calcom/openapi-v2.json")
        let bytes = try Fixtures.bytes(ofURI: uri)
        let value = try DocumentParser.parse(bytes, uri: uri)
        let index = try #require(DocumentParser.positions(in: bytes, uri: uri))
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        let pointers = Self.pointers(of: value)
        #expect(pointers.count > 20_000)
        var mismatches: [String] = []
        for pointer in pointers.dropFirst() {
            guard let position = index.locate(pointer), position.line <= lines.count else {
                mismatches.append("\(pointer): not found")
                continue
            }
            let text = String(decoding: lines[position.line - 1], as: UTF8.self).unicodeScalars.dropFirst(
                position.column - 1)
            let rest = String(String.UnicodeScalarView(text))
            let parentIsArray =
                value.value(at: JSONPointer(tokens: Array(pointer.tokens.dropLast())))?.arrayValue != nil
            if parentIsArray {
                guard let member = value.value(at: pointer) else { continue }
                let first = JSONWriter().string(member).first
                if rest.first != first { mismatches.append("\(pointer): \(rest.prefix(20))") }
            } else if let key = pointer.tokens.last, !rest.hasPrefix(JSONWriter().string(.string(key))) {
                mismatches.append("\(pointer): \(rest.prefix(20))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        for pointer in stride(from: 1, to: pointers.count, by: pointers.count / 25).map({ pointers[$0] }) {
            let expected = Self.reference(pointer, in: bytes, yaml: false)
            let found = index.locate(pointer)
            #expect(found?.line == expected?.line && found?.column == expected?.column, "\(pointer)")
        }
        #expect(index.locate(JSONPointer(tokens: ["nope"])) == nil)
        #expect(index.locate(JSONPointer(tokens: ["paths", "/nope"])) == nil)
    }

    /// YAML edge cases: each pointer where the reference puts it, except an alias in a list, which
    /// is located at the `*alias` itself (the reference gives the anchor's definition).
    @Test(arguments: [
        // Flow collections, comments, block scalars, quoted and multi-line (explicit) keys.
        "# top\nopenapi: 3.0.3   # trailing\ninfo: {title: t, version: '1', tags: [a, {b: 1}, [c]]}\n"
            + "desc: |\n  line one\n  line two\nfolded: >-\n  x\n  y\n'quoted key': 1\n\"double\": [\n  1,\n  2]\n"
            + "? |\n  multi\n  line key\n: after\nlist:\n  - a\n  # comment\n  - {x: 1}\n  - - nested\n    - more\n",
        // CRLF line ends.
        "a: 1\r\nb:\r\n  c: [1, 2]\r\n  d:\r\n    - e\r\n    - f: g\r\n",
        // A BOM and a `---` document start, non-ASCII text before a key on the same line.
        "\u{FEFF}---\nä: {ö: 1, ü: 2}\nlist: [é, è]\n...\n",
        // Anchors, aliases and merge keys.
        "base: &base {a: 1, b: 2}\nmore: &more\n  b: 3\n  c: 4\none:\n  <<: *base\n  b: 9\ntwo:\n  <<: [*more, *base]\n"
            + "list: [*base, x, *more]\nalias: *base\n",
    ])
    func yamlEdgeCasesMatchTheReference(_ text: String) throws {
        let bytes = Array(text.utf8)
        let uri = "file:///mem/edge.yaml"
        let parsed = try DocumentParser.parseIndexed(bytes, uri: uri)
        let index = try #require(parsed.positions)
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        for pointer in Self.pointers(of: parsed.value) {
            let found = index.locate(pointer)
            if text.contains("list: [*base"), pointer.tokens == ["list", "0"] || pointer.tokens == ["list", "2"] {
                // The reference gives the anchor's definition; the index gives the `*alias` itself.
                let column = pointer.tokens == ["list", "0"] ? 8 : 18
                #expect(found?.line == 10 && found?.column == column, "an alias in a list is located at the alias")
                continue
            }
            let expected = Self.reference(pointer, in: body, yaml: true)
            #expect(
                found?.line == expected?.line && found?.column == expected?.column,
                "\(pointer) \(String(describing: found)) \(String(describing: expected))")
        }
    }

    @Test func yamlPositionsOfNamedPlaces() throws {
        let text =
            "a: 1\r\nb:\r\n  c: [1, 2]\r\n  d:\r\n    - e\r\n    - f: g\r\n? |\r\n  k\r\n: v\r\nm:\r\n  <<: {x: 1}\r\n  y: 2\r\n"
        let index = try #require(try DocumentParser.parseIndexed(Array(text.utf8), uri: "file:///mem/p.yaml").positions)
        func at(_ tokens: String...) -> [Int]? {
            index.locate(JSONPointer(tokens: tokens)).map { [$0.line, $0.column] }
        }
        #expect(at() == [1, 1])
        #expect(at("b") == [2, 1])
        #expect(at("b", "c", "1") == [3, 10])
        #expect(at("b", "d", "1", "f") == [6, 7])
        #expect(at("k\n") == [7, 3])
        #expect(at("m", "x") == [11, 8], "a merged member: in the merged mapping")
        #expect(at("m", "y") == [12, 3])
        #expect(at("m", "z") == nil)
        #expect(at("b", "c", "2") == nil)
    }
}
