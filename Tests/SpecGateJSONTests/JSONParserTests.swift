import Testing

@testable import SpecGateJSON

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesKeepingKeyOrder() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.5, -3e2, true, null], "a": {"x": "y\u00e9\n"}}"#)
        #expect(value.objectValue?.keys.elementsEqual(["b", "a"]) == true)
        #expect(value["b"]?[1] == .number(JSONNumber(literal: "2.5")!))
        #expect(value["b"]?[2]?.intValue == -300)
        #expect(value["a"]?["x"] == "yé\n")
    }

    @Test func stringsAreValidUTF8ExactlyAsTheyCame() throws {
        func parse(_ inner: [UInt8]) throws -> JSONValue {
            try JSONParser().parse(Array("[\"".utf8) + inner + Array("\"]".utf8))
        }
        // Valid: ASCII, two- to four-byte sequences, U+FFFD itself, with and without escapes around them.
        #expect(try parse(Array("plain".utf8)) == .array(["plain"]))
        #expect(try parse(Array("é€😀".utf8)) == .array(["é€😀"]))
        #expect(try parse([0xEF, 0xBF, 0xBD]) == .array(["\u{FFFD}"]))
        #expect(try parse(Array("a\\n".utf8) + [0xC3, 0xA9]) == .array(["a\né"]))
        // Invalid: a lone continuation byte, a truncated sequence, an overlong NUL, an encoded surrogate,
        // a code point above U+10FFFF; in the fast path and after an escape.
        for bad: [UInt8] in [
            [0x80], [0xC3, 0x28], [0xE2, 0x82], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        ] {
            #expect(throws: JSONParseError.self) { try parse(bad) }
            #expect(throws: JSONParseError.self) { try parse(Array("x\\t".utf8) + bad) }
        }
    }

    @Test func numbersCompareByValue() throws {
        #expect(try JSONParser.parse("1.0") == JSONParser.parse("1"))
        #expect(try JSONParser.parse("1.0").typeName == "integer")
        #expect(try JSONParser.parse("1.5").typeName == "number")
        let big = try JSONParser.parse("123456789012345678901234567890")
        #expect(big.numberValue?.significand == "12345678901234567890123456789")
        #expect(big.numberValue?.isInteger == true)
        #expect(JSONNumber(literal: "0.3")!.isMultiple(of: JSONNumber(literal: "0.01")!))
        #expect(!JSONNumber(literal: "0.305")!.isMultiple(of: JSONNumber(literal: "0.01")!))
        #expect(JSONNumber(literal: "1e308")! < JSONNumber(literal: "1e309")!)
        #expect(JSONNumber(literal: "-2")! < JSONNumber(literal: "-1.5")!)
    }

    @Test func objectsCompareIgnoringOrder() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":2}"#) == JSONParser.parse(#"{"b":2,"a":1.0}"#))
        #expect(try JSONParser.parse(#"{"a":1}"#) != JSONParser.parse(#"{"a":1,"b":2}"#))
    }

    @Test func reportsLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": [1,\n   2,,3]\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 6)
            #expect(error.pointer.description == "/a/2")
        }
    }

    @Test func rejectsDuplicateKeysAndDeepNesting() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"a":1,"a":2}"#) }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[1] x") }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("\"\\ud800\"") }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("01") }
    }

    @Test func writerRoundTrips() throws {
        let text = #"{"s":"q\"\\\/\u0001","n":[0.001,1e30,-0],"o":{}}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.compact(value)) == value)
        #expect(try JSONParser.parse(JSONWriter.pretty(value)) == value)
        #expect(JSONWriter.canonical(["b": 1, "a": 2]) == #"{"a":2,"b":1}"#)
    }

    @Test func pointersEscapeAndResolve() throws {
        let value = try JSONParser.parse(#"{"a/b":{"m~n":[10,20]}}"#)
        let pointer = try #require(JSONPointer("/a~1b/m~0n/1"))
        #expect(value.value(at: pointer) == 20)
        #expect(pointer.description == "/a~1b/m~0n/1")
        #expect(JSONPointer("#/a~1b/m~0n%20x")?.tokens == ["a/b", "m~n x"])
        #expect(JSONPointer("a") == nil)
        #expect(value.value(at: JSONPointer("/a~1b/m~0n/01")!) == nil)
        let replaced = value.replacing(at: JSONPointer("/a~1b/new")!, with: "x")
        #expect(replaced?["a/b"]?["new"] == "x")
        #expect(value.removing(at: JSONPointer("/a~1b")!) == .object(JSONObject()))
    }
}

@Suite struct URIReferenceTests {
    // RFC 3986 §5.4 examples.
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../g", "http://a/g"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
    ])
    func resolvesLikeRFC3986(reference: String, expected: String) {
        #expect(URIReference.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test func fileURIs() {
        let uri = URIReference.fileURI(forPath: "/tmp/my specs/a.yaml")
        #expect(uri == "file:///tmp/my%20specs/a.yaml")
        #expect(
            URIReference.path(ofFileURI: URIReference.resolve("common.yaml#/x", against: uri))
                == "/tmp/my specs/common.yaml")
    }
}
