import SpecGateJSON
import Testing

@testable import SpecGateSchema

/// OpenAPI 3.0 Schema Object behaviour, violation shapes and compile errors.
@Suite struct OpenAPI30Tests {
    static let document = """
        {"openapi": "3.0.0", "components": {"schemas": {
          "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                  "discriminator": {"propertyName": "petType", "mapping": {"cat": "#/components/schemas/Cat", "dog": "Dog"}}},
          "PetImplicit": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                  "discriminator": {"propertyName": "petType"}},
          "PetNoDiscriminator": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]},
          "Cat": {"type": "object", "required": ["petType", "meows"],
                  "properties": {"petType": {"type": "string"}, "meows": {"type": "boolean"}}},
          "Dog": {"type": "object", "required": ["petType", "barks"],
                  "properties": {"petType": {"type": "string"}, "barks": {"type": "boolean"}}},
          "Id": {"type": "string", "readOnly": true},
          "User": {"type": "object", "required": ["id", "ref", "password", "name"],
                   "properties": {"id": {"type": "string", "readOnly": true}, "ref": {"$ref": "#/components/schemas/Id"},
                                  "password": {"type": "string", "writeOnly": true}, "name": {"type": "string"}}},
          "Node": {"type": "object", "properties": {"value": {"type": "integer"},
                   "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}},
          "Status": {"type": "object", "properties": {"status": {"type": "string", "enum": ["success", "error"]}}},
          "Envelope": {"type": "object", "properties": {"data": {"$ref": "#/components/schemas/Status"}}},
          "Dangling": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/Missing"}}},
          "A": {"$ref": "#/components/schemas/B"},
          "B": {"$ref": "#/components/schemas/A"},
          "BadMinimum": {"type": "number", "minimum": "x"},
          "BadPattern": {"type": "string", "pattern": "(unclosed"},
          "RefSibling": {"$ref": "#/components/schemas/Id", "maxLength": 1}
        }}}
        """
    static let uri = "file:///specs/openapi.json"

    static func schema(_ name: String, direction: ValidationDirection = .neutral) throws -> CompiledSchema {
        var store = DocumentStore()
        store[uri] = try JSONParser.parse(document)
        var compiler = SchemaCompiler(
            documents: store, options: SchemaOptions(dialect: .openAPI30, direction: direction))
        return try compiler.compile(
            JSONLocation(document: uri, pointer: .root.appending("components").appending("schemas").appending(name)))
    }

    static func inline(_ text: String, assertFormats: Bool = true) throws -> CompiledSchema {
        try TestSupport.compile(text, options: SchemaOptions(dialect: .openAPI30, assertFormats: assertFormats))
    }

    @Test func nullable() throws {
        let nullable = try Self.inline(#"{"type": "string", "nullable": true, "enum": ["a", "b"]}"#)
        #expect(nullable.isValid(.null))
        #expect(nullable.isValid("a"))
        #expect(!nullable.isValid("c"))
        #expect(!nullable.isValid(1))
        let plain = try Self.inline(#"{"type": "string"}"#)
        #expect(plain.validate(.null).map(\.description) == [": expected string, got null"])
    }

    @Test func booleanExclusiveBounds() throws {
        let s = try Self.inline(
            #"{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true}"#)
        #expect(!s.isValid(0))
        #expect(s.isValid(try TestSupport.json("0.0001")))
        #expect(s.isValid(try TestSupport.json("9.99")))
        #expect(s.validate(10).map(\.message) == ["10 is not less than the exclusive maximum 10"])
        let inclusive = try Self.inline(#"{"minimum": 0, "maximum": 10}"#)
        #expect(inclusive.isValid(0) && inclusive.isValid(10) && !inclusive.isValid(11))
    }

    @Test func discriminatorWithMapping() throws {
        let pet = try Self.schema("Pet")
        #expect(pet.isValid(try TestSupport.json(#"{"petType": "cat", "meows": true}"#)))
        #expect(pet.isValid(try TestSupport.json(#"{"petType": "dog", "barks": true}"#)))
        // Matches both branches structurally; the discriminator decides.
        #expect(pet.isValid(try TestSupport.json(#"{"petType": "dog", "barks": true, "meows": true}"#)))
        let wrong = pet.validate(try TestSupport.json(#"{"petType": "cat", "barks": true}"#))
        #expect(wrong.count == 1)
        #expect(wrong.first?.keywordLocation.description == "/oneOf/0/$ref/required")
        #expect(wrong.first?.message == #"missing required property "meows""#)
        let unknown = pet.validate(try TestSupport.json(#"{"petType": "bird"}"#))
        #expect(unknown.map(\.keyword) == ["discriminator"])
        #expect(unknown.first?.message.contains(#""bird" is not one of"#) == true)
        let missing = pet.validate(try TestSupport.json(#"{"meows": true}"#))
        #expect(missing.map(\.message) == [#"missing discriminator property "petType""#])
    }

    @Test func discriminatorWithoutMapping() throws {
        let pet = try Self.schema("PetImplicit")
        #expect(pet.isValid(try TestSupport.json(#"{"petType": "Cat", "meows": true}"#)))
        #expect(!pet.isValid(try TestSupport.json(#"{"petType": "cat", "meows": true}"#)))
        #expect(!pet.isValid(try TestSupport.json(#"{"petType": "Dog", "meows": true}"#)))
        let plain = try Self.schema("PetNoDiscriminator")
        let both = plain.validate(try TestSupport.json(#"{"petType": "x", "barks": true, "meows": true}"#))
        #expect(both.map(\.message) == ["matches 2 branches (0, 1) of oneOf; exactly one must match"])
    }

    @Test func readOnlyAndWriteOnlyByDirection() throws {
        let request = try Self.schema("User", direction: .request)
        let response = try Self.schema("User", direction: .response)
        let neutral = try Self.schema("User")
        let fromClient = try TestSupport.json(#"{"password": "p", "name": "n"}"#)
        let fromServer = try TestSupport.json(#"{"id": "1", "ref": "2", "name": "n"}"#)
        #expect(request.isValid(fromClient))
        #expect(!response.isValid(fromClient))
        #expect(response.isValid(fromServer))
        #expect(request.validate(fromServer).map(\.message) == [#"missing required property "password""#])
        #expect(neutral.validate(fromClient).count == 2)
    }

    @Test func formats() throws {
        func check(_ format: String, _ value: JSONValue) throws -> Bool {
            try Self.inline(#"{"format": "\#(format)"}"#).isValid(value)
        }
        #expect(try check("date-time", "2024-01-31T10:00:00Z"))
        #expect(try check("date-time", "2024-02-29T10:00:00.123+05:30"))
        #expect(try !check("date-time", "2023-02-29T10:00:00Z"))
        #expect(try !check("date-time", "2024-01-31 10:00"))
        #expect(try check("date", "2024-12-31"))
        #expect(try !check("date", "2024-13-01"))
        #expect(try check("time", "23:59:59Z"))
        #expect(try check("email", "a.b@example.com"))
        #expect(try !check("email", "a@@example.com"))
        #expect(try check("uuid", "123e4567-e89b-12d3-a456-426614174000"))
        #expect(try !check("uuid", "123e4567e89b12d3a456426614174000"))
        #expect(try check("uri", "https://cal.com/x?y=1#z"))
        #expect(try !check("uri", "/relative/only"))
        #expect(try check("uri-reference", "/relative/only"))
        #expect(try check("ipv4", "192.168.0.1"))
        #expect(try !check("ipv4", "256.1.1.1"))
        #expect(try check("ipv6", "::1"))
        #expect(try !check("ipv6", "1:::2"))
        #expect(try check("hostname", "api.cal.com"))
        #expect(try !check("hostname", "-bad.com"))
        #expect(try check("int32", 2_147_483_647))
        #expect(try !check("int32", 2_147_483_648))
        #expect(try !check("int64", try TestSupport.json("9223372036854775808")))
        #expect(try check("phone", "not checked"))
        #expect(try check("date-time", 5))
        let message = try Self.inline(#"{"format": "date-time"}"#).validate("yesterday").map(\.description)
        #expect(message == [#": "yesterday" is not a valid date-time"#])
        #expect(try Self.inline(#"{"format": "date"}"#, assertFormats: false).isValid("nope"))
        #expect(FormatChecker.knownFormats.contains("date-time"))
        #expect(!FormatChecker.knownFormats.contains("phone"))
    }

    @Test func exactDecimalsAndBigNumbers() throws {
        let cents = try Self.inline(#"{"type": "number", "multipleOf": 0.01}"#)
        #expect(cents.isValid(try TestSupport.json("19.99")))
        #expect(cents.isValid(try TestSupport.json("0.3")))
        #expect(cents.validate(try TestSupport.json("19.999")).map(\.message) == ["19.999 is not a multiple of 0.01"])
        let big = try Self.inline(#"{"type": "integer", "minimum": 100000000000000000000}"#)
        #expect(big.isValid(try TestSupport.json("100000000000000000001")))
        #expect(!big.isValid(try TestSupport.json("99999999999999999999")))
        #expect(big.isValid(try TestSupport.json("1.0e21")))
        let huge = try Self.inline(#"{"maximum": 1e308}"#)
        #expect(!huge.isValid(try TestSupport.json("1e309")))
        #expect(try Self.inline(#"{"type": "integer"}"#).isValid(try TestSupport.json("1.0")))
    }

    @Test func recursiveSchema() throws {
        let node = try Self.schema("Node")
        let tree = try TestSupport.json(
            #"{"value": 1, "children": [{"value": 2, "children": [{"value": 3}, {"value": "x"}]}]}"#)
        let violations = node.validate(tree)
        #expect(violations.count == 1)
        #expect(violations.first?.instanceLocation.description == "/children/0/children/1/value")
        #expect(
            violations.first?.keywordLocation.description
                == "/properties/children/items/$ref/properties/children/items/$ref/properties/value/type")
        #expect(
            violations.first?.schemaLocation.description == Self.uri + "#/components/schemas/Node/properties/value/type"
        )
    }

    @Test func danglingReferenceIsACompileError() throws {
        let error = #expect(throws: SchemaCompileError.self) { try Self.schema("Dangling") }
        #expect(error?.message.contains("#/components/schemas/Missing") == true)
        #expect(error?.location.pointer.description == "/components/schemas/Dangling/properties/x/$ref")
    }

    @Test func referenceCycleIsACompileError() throws {
        let error = #expect(throws: SchemaCompileError.self) { try Self.schema("A") }
        #expect(error?.message.contains("cycle") == true)
    }

    @Test func invalidKeywordValueIsACompileError() throws {
        let error = #expect(throws: SchemaCompileError.self) { try Self.schema("BadMinimum") }
        #expect(error?.location.pointer.description == "/components/schemas/BadMinimum/minimum")
    }

    @Test func invalidPatternIsAViolation() throws {
        let schema = try Self.schema("BadPattern")
        let violations = schema.validate("anything")
        #expect(violations.map(\.keyword) == ["pattern"])
        #expect(violations.first?.message.contains("is not a valid regular expression") == true)
        #expect(schema.validate(5).map(\.keyword) == ["type"])
    }

    @Test func referenceSiblingsAreIgnored() throws {
        #expect(try Self.schema("RefSibling").isValid("longer than one"))
    }

    @Test func enumViolationShape() throws {
        let violations = try Self.schema("Envelope").validate(
            try TestSupport.json(#"{"data": {"status": "succeeded"}}"#))
        #expect(violations.count == 1)
        let v = try #require(violations.first)
        #expect(v.description == #"/data/status: "succeeded" is not one of ["success", "error"]"#)
        #expect(v.keyword == "enum")
        #expect(v.instanceLocation.description == "/data/status")
        #expect(v.keywordLocation.description == "/properties/data/$ref/properties/status/enum")
        #expect(v.schemaLocation.description == Self.uri + "#/components/schemas/Status/properties/status/enum")
    }

    @Test func everyViolationIsReported() throws {
        let schema = try Self.inline(
            #"{"type": "object", "required": ["a", "b"], "additionalProperties": false,"#
                + #" "properties": {"c": {"type": "integer", "maximum": 3}, "d": {"type": "string", "minLength": 2}}}"#)
        let violations = schema.validate(try TestSupport.json(#"{"c": 4.5, "d": "x", "e": null}"#))
        #expect(
            violations.map(\.description).sorted()
                == [
                    #": missing required property "a""#,
                    #": missing required property "b""#,
                    #": property "e" is not allowed (additionalProperties is false)"#,
                    "/c: 4.5 is greater than the maximum 3",
                    "/c: expected integer, got number 4.5",
                    #"/d: "x" is shorter than 2 characters (length 1)"#,
                ].sorted())
        #expect(!schema.isValid(try TestSupport.json(#"{"c": 4.5, "d": "x", "e": null}"#)))
    }

    @Test func oneOfNoMatchSummarisesBranches() throws {
        let schema = try Self.inline(#"{"oneOf": [{"type": "integer"}, {"type": "boolean"}]}"#)
        let message = try #require(schema.validate("x").first?.message)
        #expect(message.hasPrefix("matches none of the 2 branches of oneOf; exactly one must match: [0] "))
        #expect(message.contains(#"expected integer, got string "x""#))
        #expect(message.contains("[1] "))
    }

    @Test func stringLengthCountsCodePoints() throws {
        #expect(try Self.inline(#"{"maxLength": 2}"#).isValid("😀😀"))
        #expect(try Self.inline(#"{"minLength": 2}"#).isValid("e\u{301}"))
        #expect(try !Self.inline(#"{"minLength": 3}"#).isValid("e\u{301}"))
    }

    @Test func compilerSharesArenaAndRecoversFromErrors() throws {
        var store = DocumentStore()
        store[Self.uri] = try JSONParser.parse(Self.document)
        var compiler = SchemaCompiler(documents: store, options: SchemaOptions(dialect: .openAPI30))
        let schemas = JSONLocation(document: Self.uri, pointer: .root.appending("components").appending("schemas"))
        let cat = try compiler.compile(schemas.appending("Cat"))
        #expect(throws: SchemaCompileError.self) { try compiler.compile(schemas.appending("Dangling")) }
        let pet = try compiler.compile(schemas.appending("Pet"))
        #expect(cat.isValid(try TestSupport.json(#"{"petType": "c", "meows": false}"#)))
        #expect(pet.isValid(try TestSupport.json(#"{"petType": "cat", "meows": false}"#)))
        #expect(!cat.isValid(try TestSupport.json(#"{"petType": "c"}"#)))
        // A failed compile leaves nothing half-built behind: the same schema fails the same way again,
        // and schemas compiled after it (recursive ones too) work.
        let again = #expect(throws: SchemaCompileError.self) { try compiler.compile(schemas.appending("Dangling")) }
        #expect(again?.location.pointer.description == "/components/schemas/Dangling/properties/x/$ref")
        let node = try compiler.compile(schemas.appending("Node"))
        #expect(node.isValid(try TestSupport.json(#"{"value": 1, "children": [{"value": 2}]}"#)))
        #expect(!node.isValid(try TestSupport.json(#"{"value": 1, "children": [{"value": "x"}]}"#)))
    }
}
