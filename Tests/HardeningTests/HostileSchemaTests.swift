import SpecGateCore
import SpecGateJSON
import SpecGateRegex
import SpecGateSchema
import Testing

/// Schemas and instances with huge numbers, catastrophic patterns and recursion that consumes no
/// input: validation stays exact and bounded, and problems are violations (findings), not crashes.
@Suite struct HostileSchemaTests {
    static let uri = "file:///hostile/schema.json"

    private func compile(_ schema: String, dialect: SchemaDialect = .draft2020_12, budget: Int = 100_000) throws
        -> CompiledSchema
    {
        let value = try JSONParser.parse(schema)
        var compiler = SchemaCompiler(
            documents: DocumentStore([Self.uri: value]),
            options: SchemaOptions(dialect: dialect, regexStepBudget: budget))
        return try compiler.compile(JSONLocation(document: Self.uri))
    }

    private func instance(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    static let fourHundredDigits = "1" + String(repeating: "234567890", count: 44) + "123"

    @Test func hugeBoundsCompareExactly() throws {
        let minimum = try compile(##"{"minimum": 1e400}"##)
        #expect(try minimum.isValid(instance("1e400")))
        #expect(try minimum.isValid(instance("1.0000000001e400")))
        #expect(try !minimum.isValid(instance("9.999999999e399")))
        #expect(try !minimum.isValid(instance(Self.fourHundredDigits)))
        let maximum = try compile(##"{"maximum": \##(Self.fourHundredDigits)}"##)
        #expect(try maximum.isValid(instance(Self.fourHundredDigits)))
        #expect(try !maximum.isValid(instance(Self.fourHundredDigits + "0")))
        #expect(try !maximum.isValid(instance("1e400")))
        #expect(try maximum.isValid(instance("-1e400")))
        // Beyond Double: 1e400 and 1.5e400 are both +infinity as doubles but differ exactly.
        let exclusive = try compile(##"{"exclusiveMaximum": 1.5e400}"##)
        #expect(try exclusive.isValid(instance("1e400")))
        #expect(try !exclusive.isValid(instance("1.5e400")))
        let violations = try exclusive.validate(instance("2e400"))
        #expect(violations.map(\.keyword) == ["exclusiveMaximum"])
    }

    @Test func hugeMultipleOf() throws {
        let huge = try compile(##"{"multipleOf": 1e400}"##)
        #expect(try !huge.isValid(instance("1")))
        #expect(try !huge.isValid(instance("5e399")))
        #expect(try huge.isValid(instance("1e400")))
        #expect(try huge.isValid(instance("3e401")))
        #expect(try huge.isValid(instance("0")))
        let tiny = try compile(##"{"multipleOf": 1e-400}"##)
        #expect(try tiny.isValid(instance("1")))
        #expect(try tiny.isValid(instance("2.5e-399")))
        #expect(try !tiny.isValid(instance("1e-401")))
        let digits = try compile(##"{"multipleOf": \##(Self.fourHundredDigits)}"##)
        #expect(try digits.isValid(instance(Self.fourHundredDigits)))
        #expect(try digits.isValid(instance(Self.fourHundredDigits + "000")))
        #expect(try !digits.isValid(instance(Self.fourHundredDigits + "1")))
        #expect(try !digits.isValid(instance("7")))
        let seven = try compile(##"{"multipleOf": 7}"##)
        #expect(try seven.isValid(instance("7e999")))
        #expect(try seven.isValid(instance("1" + String(repeating: "0", count: 399) + "5")) == false)
        let cents = try compile(##"{"multipleOf": 0.01}"##)
        #expect(try cents.isValid(instance(Self.fourHundredDigits + ".25")))
        #expect(try !cents.isValid(instance(Self.fourHundredDigits + ".255")))
    }

    @Test func negativeZero() throws {
        #expect(try instance("-0") == instance("0"))
        let integer = try compile(##"{"type": "integer", "maximum": -0, "minimum": 0, "multipleOf": 3}"##)
        #expect(try integer.isValid(instance("-0")))
        #expect(try integer.isValid(instance("-0.0e10")))
        let exclusive = try compile(##"{"exclusiveMinimum": -0}"##)
        #expect(try !exclusive.isValid(instance("0")))
        #expect(try !exclusive.isValid(instance("-0")))
        let constant = try compile(##"{"const": -0}"##)
        #expect(try constant.isValid(instance("0")))
        #expect(try constant.isValid(instance("0.0")))
    }

    @Test func hugeIntegerInstancesAndFormats() throws {
        let integer = try compile(##"{"type": "integer"}"##)
        #expect(try integer.isValid(instance(Self.fourHundredDigits)))
        #expect(try integer.isValid(instance("1e400")))
        #expect(try !integer.isValid(instance(Self.fourHundredDigits + ".5")))
        let int64 = try compile(##"{"type": "integer", "format": "int64"}"##, dialect: .openAPI30)
        #expect(try int64.isValid(instance("9223372036854775807")))
        #expect(try !int64.isValid(instance("9223372036854775808")))
        #expect(try !int64.isValid(instance(Self.fourHundredDigits)))
        let double = try compile(##"{"type": "number", "format": "double"}"##, dialect: .openAPI30)
        #expect(try !double.isValid(instance("1e400")))
        #expect(try double.isValid(instance("1e300")))
    }

    @Test func hugeNumbersLoadInSpecs() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let schema =
            ##"{"type": "number", "minimum": -1e400, "maximum": \##(Self.fourHundredDigits), "multipleOf": 1e-400, "default": -0}"##
        try files.write(
            "api.json", HostileSpec.json(paths: ##"{"/a": {"get": \##(HostileSpec.operation(schema: schema))}}"##))
        try files.write(
            "api.yaml",
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    N: {type: number, minimum: -1e400, maximum: \(Self.fourHundredDigits), multipleOf: 1e-400, default: -0}\n"
        )
        for name in ["api.json", "api.yaml"] {
            let target = try files.load(name)
            let store = target.documents.store
            let location =
                name == "api.json"
                ? JSONLocation(
                    document: target.documents.rootURI,
                    pointer: JSONPointer(tokens: [
                        "paths", "/a", "get", "responses", "200", "content", "application/json", "schema",
                    ]))
                : JSONLocation(
                    document: target.documents.rootURI, pointer: JSONPointer(tokens: ["components", "schemas", "N"]))
            #expect(store.value(at: location.appending("maximum"))?.numberValue?.significand.count == 400)
            var compiler = SchemaCompiler(documents: store, options: SchemaOptions(dialect: .openAPI30))
            let compiled = try compiler.compile(location)
            #expect(try compiled.isValid(instance("1e-300")))
            #expect(try !compiled.isValid(instance("1e401")))
            #expect(try !compiled.isValid(instance("-2e400")))
        }
    }

    @Test func catastrophicPatternIsABoundedViolation() throws {
        let schema = try compile(##"{"type": "string", "pattern": "^(a+)+$"}"##, budget: 50_000)
        let hostile = JSONValue.string(String(repeating: "a", count: 40) + "!")
        let clock = ContinuousClock()
        let start = clock.now
        let violations = schema.validate(hostile)
        print("catastrophic pattern gave up after \(clock.now - start)")
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "pattern")
        #expect(!schema.isValid(hostile))
        #expect(schema.isValid(.string(String(repeating: "a", count: 40))))
        let regex = try ECMARegex("(x+x+)+y")
        #expect(regex.search(in: String(repeating: "x", count: 5_000), stepBudget: 100_000) == .budgetExceeded)
        #expect(regex.search(in: "xxy", stepBudget: 100_000) == .matched)
    }

    @Test func catastrophicPatternInALoadedSpec() throws {
        let files = try HostileFiles()
        defer { files.remove() }
        let schema = ##"{"type": "object", "properties": {"name": {"type": "string", "pattern": "^(\\w+\\s?)*$"}}}"##
        try files.write(
            "api.json", HostileSpec.json(paths: ##"{"/a": {"get": \##(HostileSpec.operation(schema: schema))}}"##))
        let target = try files.load("api.json")
        let location = try #require(target.spec.operations.first?.responses.first?.content.first?.schema)
        var compiler = SchemaCompiler(
            documents: target.documents.store, options: SchemaOptions(dialect: .openAPI30, regexStepBudget: 20_000))
        let compiled = try compiler.compile(location)
        let body: JSONValue = ["name": .string(String(repeating: "word ", count: 30) + "!")]
        let violations = compiled.validate(body)
        #expect(violations.map(\.instanceLocation.description) == ["/name"])
        #expect(violations.first?.keyword == "pattern")
    }

    /// (schema, whether the top-level violations name the recursion). Under `anyOf`/`not`/`if` the
    /// cut-off branch just fails, which decides the outcome without a top-level recursion message.
    static let recursing: [(String, Bool)] = [
        (##"{"$defs": {"a": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##, true),
        (
            ##"{"$defs": {"a": {"type": ["null", "number", "string", "object", "array"], "$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##,
            true
        ),
        (
            ##"{"$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}]}, "b": {"not": {"not": {"$ref": "#/$defs/a"}}}}, "$ref": "#/$defs/a"}"##,
            false
        ),
        (##"{"if": {"$ref": "#"}, "then": false}"##, false),
    ]

    @Test(arguments: recursing)
    func schemaRecursingWithoutConsumingInput(_ text: String, namesRecursion: Bool) throws {
        let schema: CompiledSchema
        do {
            schema = try compile(text)
        } catch let error as SchemaCompileError {
            // Refusing the schema at compile time, at a location in it, is also a bounded answer.
            #expect(error.location.document == Self.uri)
            return
        }
        for value in [JSONValue.null, 1, "x", [:], [1, 2]] {
            let violations = schema.validate(value)
            #expect(schema.isValid(value) == violations.isEmpty)
            if namesRecursion {
                #expect(violations.contains { $0.message.contains("recursive schema") }, "\(violations)")
            }
        }
    }
}
