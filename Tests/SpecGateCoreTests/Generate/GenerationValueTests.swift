import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite("Value generation per keyword")
struct GenerationValueTests {
    typealias S = GenerationTestSupport

    @Test func stringLengthsHitBoundaries() throws {
        let schemas = #"{"s": {"type": "string", "minLength": 3, "maxLength": 7}}"#
        let values = try S.values(schemas, "s")
        #expect(!values.isEmpty)
        for (mode, v) in values {
            let n = try #require(v.stringValue).unicodeScalars.count
            #expect((3...7).contains(n))
            if mode == .minimal { #expect(n == 3) }
            if mode == .maximal { #expect(n == 7) }
        }
    }

    @Test func integerBoundsOpenAPI30Exclusive() throws {
        let schemas =
            #"{"i": {"type": "integer", "minimum": 10, "exclusiveMinimum": true, "maximum": 20, "exclusiveMaximum": true}}"#
        let values = try S.values(schemas, "i")
        for (mode, v) in values {
            let n = try #require(v.intValue)
            #expect((11...19).contains(n))
            if mode == .minimal { #expect(n == 11) }
            if mode == .maximal { #expect(n == 19) }
        }
    }

    @Test func integerBounds2020Exclusive() throws {
        let schemas = #"{"i": {"type": "integer", "exclusiveMinimum": -5, "maximum": -1}}"#
        let values = try S.values(schemas, "i", dialect: .jsonSchema2020_12)
        for (mode, v) in values {
            let n = try #require(v.intValue)
            #expect((-4 ... -1).contains(n))
            if mode == .minimal { #expect(n == -4) }
            if mode == .maximal { #expect(n == -1) }
        }
    }

    @Test func decimalMultipleOf() throws {
        let schemas = #"{"n": {"type": "number", "minimum": 0.05, "maximum": 0.2, "multipleOf": 0.01}}"#
        let step = try #require(JSONNumber(literal: "0.01"))
        let low = try #require(JSONNumber(literal: "0.05"))
        let high = try #require(JSONNumber(literal: "0.2"))
        let values = try S.values(schemas, "n")
        #expect(values.count == 40)
        for (mode, v) in values {
            let n = try #require(v.numberValue)
            #expect(n.isMultiple(of: step))
            #expect(n >= low && n <= high)
            if mode == .minimal { #expect(n == low) }
            if mode == .maximal { #expect(n == high) }
        }
    }

    @Test func integerWithDecimalMultipleOf() throws {
        let values = try S.values(#"{"n": {"type": "integer", "multipleOf": 0.3, "minimum": 1}}"#, "n")
        let step = try #require(JSONNumber(literal: "0.3"))
        for (_, v) in values {
            let n = try #require(v.numberValue)
            #expect(n.isInteger && n.isMultiple(of: step) && n.doubleValue >= 1)
        }
    }

    @Test func enumAndConst() throws {
        for (_, v) in try S.values(#"{"e": {"type": "string", "enum": ["a", "b", "c"]}}"#, "e") {
            #expect(["a", "b", "c"].contains(v))
        }
        for (_, v) in try S.values(#"{"c": {"const": 42}}"#, "c", dialect: .jsonSchema2020_12) {
            #expect(v == 42)
        }
        // allOf intersects enums
        for (_, v) in try S.values(#"{"x": {"allOf": [{"enum": ["a", "b"]}, {"enum": ["b", "c"]}]}}"#, "x") {
            #expect(v == "b")
        }
    }

    @Test func formats() throws {
        let schemas = #"""
            {"dt": {"type": "string", "format": "date-time"}, "d": {"type": "string", "format": "date"},
             "u": {"type": "string", "format": "uuid"}, "e": {"type": "string", "format": "email"},
             "ip": {"type": "string", "format": "ipv4"}, "uri": {"type": "string", "format": "uri"},
             "i32": {"type": "integer", "format": "int32", "minimum": 2147483640}}
            """#
        for (_, v) in try S.values(schemas, "dt") {
            let s = try #require(v.stringValue)
            #expect(s.count == 20 && s.hasSuffix("Z") && s.contains("T"))
        }
        for (_, v) in try S.values(schemas, "d") { #expect(v.stringValue?.count == 10) }
        for (_, v) in try S.values(schemas, "u") {
            let parts = try #require(v.stringValue).split(separator: "-")
            #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        }
        for (_, v) in try S.values(schemas, "e") { #expect(v.stringValue?.contains("@") == true) }
        for (_, v) in try S.values(schemas, "ip") { #expect(v.stringValue?.split(separator: ".").count == 4) }
        for (_, v) in try S.values(schemas, "uri") { #expect(v.stringValue?.hasPrefix("https://") == true) }
        for (_, v) in try S.values(schemas, "i32") {
            #expect((2_147_483_640...2_147_483_647).contains(try #require(v.intValue)))
        }
    }

    @Test func typeArraysAndNullable() throws {
        var sawNull = false
        for (_, v) in try S.values(
            #"{"t": {"type": ["integer", "null"]}}"#, "t", dialect: .jsonSchema2020_12, seeds: 1...60)
        {
            #expect(v.isNull || v.numberValue?.isInteger == true)
            if v.isNull { sawNull = true }
        }
        #expect(sawNull)
        for (_, v) in try S.values(#"{"n": {"type": "string", "nullable": true}}"#, "n") {
            #expect(v.isNull || v.stringValue != nil)
        }
    }

    @Test func arraysWithCountsAndUniqueness() throws {
        let schemas =
            #"{"a": {"type": "array", "minItems": 2, "maxItems": 4, "uniqueItems": true, "items": {"type": "integer", "minimum": 1, "maximum": 6}}}"#
        for (mode, v) in try S.values(schemas, "a") {
            let items = try #require(v.arrayValue)
            #expect((2...4).contains(items.count))
            #expect(Set(items).count == items.count)
            #expect(items.allSatisfy { (1...6).contains($0.intValue ?? 0) })
            if mode == .minimal { #expect(items.count == 2) }
        }
    }

    @Test func objectsRequiredReadOnlyAndClosed() throws {
        let schemas = #"""
            {"o": {"type": "object", "required": ["id", "name"], "additionalProperties": false,
                   "properties": {"id": {"type": "integer", "readOnly": true}, "name": {"type": "string"},
                                  "tag": {"type": "string"}, "ref": {"$ref": "#/components/schemas/Ro"}}},
             "Ro": {"type": "string", "readOnly": true}}
            """#
        for (mode, v) in try S.values(schemas, "o") {
            let o = try #require(v.objectValue)
            #expect(o["id"] == nil)
            #expect(o["ref"] == nil)
            #expect(o["name"]?.stringValue != nil)
            #expect(o.keys.allSatisfy { ["name", "tag"].contains($0) })
            if mode == .minimal { #expect(o.count == 1) }
            if mode == .maximal { #expect(o["tag"] != nil) }
        }
    }

    @Test func allOfMergesConstraints() throws {
        let schemas = #"""
            {"m": {"allOf": [{"$ref": "#/components/schemas/Base"},
                             {"type": "object", "properties": {"n": {"maximum": 5}}, "required": ["extra"]}]},
             "Base": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 5},
                      "extra": {"type": "boolean"}}}}
            """#
        let values = try S.values(schemas, "m")
        #expect(values.count == 40)
        for (_, v) in values {
            #expect(v["n"] == 5)
            #expect(v["extra"]?.boolValue != nil)
        }
    }

    @Test func oneOfWithDiscriminatorSetsMappingKey() throws {
        let schemas = #"""
            {"Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                     "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}},
             "Cat": {"type": "object", "required": ["kind", "purrs"], "properties": {"kind": {"type": "string"}, "purrs": {"type": "boolean"}}},
             "Dog": {"type": "object", "required": ["kind", "barks"], "properties": {"kind": {"type": "string"}, "barks": {"type": "boolean"}}}}
            """#
        var kinds: Set<String> = []
        for (_, v) in try S.values(schemas, "Pet") {
            let kind = try #require(v["kind"]?.stringValue)
            kinds.insert(kind)
            #expect(kind == "cat" ? v["purrs"] != nil : v["barks"] != nil)
        }
        #expect(kinds == ["cat", "dog"])
    }

    @Test func examplesAreUsedInExamplesMode() throws {
        let schemas =
            #"{"s": {"type": "string", "example": "Host has to take another call"}, "d": {"type": "integer", "default": 15}}"#
        for (_, v) in try S.values(schemas, "s", modes: [.examples]) { #expect(v == "Host has to take another call") }
        for (_, v) in try S.values(schemas, "d", modes: [.examples]) { #expect(v == 15) }
    }

    @Test func recursionIsBounded() throws {
        let schemas = #"""
            {"Node": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
                      "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}},
             "Loop": {"type": "object", "required": ["next"], "properties": {"next": {"$ref": "#/components/schemas/Loop"}}}}
            """#
        func depth(_ v: JSONValue) -> Int {
            1 + (v["children"]?.arrayValue?.map(depth).max() ?? 0)
        }
        let values = try S.values(schemas, "Node")
        #expect(values.count == 40)
        for (_, v) in values { #expect(depth(v) <= 8) }
        var g = try S.generator(schemas)
        var rng = SplitMix64(seed: 1)
        guard case .unsatisfiable(let why) = g.generate(for: S.location("Loop"), mode: .random, rng: &rng) else {
            Issue.record("an infinitely recursive required property cannot be satisfied")
            return
        }
        #expect(!why.isEmpty)
    }

    @Test func unsatisfiableSchemasAreReported() throws {
        let schemas = #"""
            {"len": {"type": "string", "minLength": 5, "maxLength": 2},
             "types": {"allOf": [{"type": "string"}, {"type": "integer"}]},
             "range": {"type": "integer", "minimum": 3, "maximum": 2},
             "no": {"allOf": [{"$ref": "#/components/schemas/Missing"}]}}
            """#
        var g = try S.generator(schemas)
        for name in ["len", "types", "range", "no"] {
            var rng = SplitMix64(seed: 3)
            let outcome = g.generate(for: S.location(name), mode: .random, rng: &rng)
            #expect(outcome.value == nil, "\(name) should be unsatisfiable")
        }
        var rng = SplitMix64(seed: 3)
        if case .unsatisfiable(let why) = g.generate(for: S.location("len"), mode: .minimal, rng: &rng) {
            #expect(why.contains("maxLength 2 is below minLength 5"))
        }
    }

    @Test func sameSeedSameValueDifferentSeedsDiffer() throws {
        let schemas =
            #"{"o": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}, "c": {"type": "array", "items": {"type": "string", "format": "uuid"}}}}}"#
        let first = try S.values(schemas, "o", modes: [.random])
        let second = try S.values(schemas, "o", modes: [.random])
        #expect(first.map { JSONWriter.compact($0.value) } == second.map { JSONWriter.compact($0.value) })
        #expect(Set(first.map { JSONWriter.compact($0.value) }).count > 5)
    }
}
