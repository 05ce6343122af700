import SpecGateJSON
import Testing

@testable import SpecGateCore

private let uri = "file:///spec.json"

/// A document with `components.schemas` = `schemas`.
private func lint(schemas: JSONValue, rule: some LintRule) -> [LintFinding] {
    let document: JSONValue = ["openapi": "3.0.3", "components": ["schemas": schemas]]
    return rule.check(LintContext(documents: DocumentStore([uri: document]), spec: nil))
}

private func pointer(_ text: String) -> JSONPointer { JSONPointer(text) ?? .root }

private func operation(
    _ id: String?, _ method: HTTPMethod = .get, _ path: String = "/pets", parameters: [ParameterSpec] = [],
    responses: [StatusPattern] = [.exact(200)]
) -> Operation {
    let source = JSONLocation(document: uri, pointer: JSONPointer(tokens: ["paths", path, method.rawValue]))
    return Operation(
        id: id ?? "\(method.wireName) \(path)", operationId: id, method: method, path: path, parameters: parameters,
        responses: responses.map {
            ResponseSpec(
                status: $0, description: "", content: [],
                source: source.appending("responses").appending($0.description))
        },
        source: source)
}

private func pathParameter(_ name: String) -> ParameterSpec {
    ParameterSpec(
        name: name, location: .path, required: true, schema: nil,
        source: JSONLocation(document: uri, pointer: pointer("/p/\(name)")))
}

private func lint(operations: [Operation], rule: some LintRule) -> [LintFinding] {
    let store = DocumentStore([uri: ["openapi": "3.0.3"]])
    let spec = APISpec(
        title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: operations,
        documents: store, rootURI: uri)
    return rule.check(LintContext(documents: store, spec: spec))
}

@Suite struct LintRuleTests {
    // MARK: unsatisfiable-schema

    @Test func selfRequiringSchemaIsUnsatisfiable() {
        let findings = lint(
            schemas: [
                "Wrapper": [
                    "type": "object", "required": ["data"],
                    "properties": [
                        "data": [
                            "oneOf": [["$ref": "#/components/schemas/Wrapper"]],
                            "allOf": [["$ref": "#/components/schemas/Wrapper"]],
                        ]
                    ],
                ],
                "UsesWrapper": [
                    "type": "object", "required": ["w"], "properties": ["w": ["$ref": "#/components/schemas/Wrapper"]],
                ],
            ], rule: UnsatisfiableSchemaRule())
        #expect(findings.count == 1)
        #expect(
            findings.first?.location == JSONLocation(document: uri, pointer: pointer("/components/schemas/Wrapper")))
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("properties/data") == true)
    }

    @Test func cycleThroughRequiredChainOfTwoSchemas() {
        let findings = lint(
            schemas: [
                "A": ["required": ["b"], "properties": ["b": ["$ref": "#/components/schemas/B"]]],
                "B": ["allOf": [["required": ["a"], "properties": ["a": ["$ref": "#/components/schemas/A"]]]]],
            ], rule: UnsatisfiableSchemaRule())
        #expect(findings.map(\.location.pointer.description) == ["/components/schemas/A"])
    }

    @Test func recursionThroughOptionalOrEscapableBranchesIsFine() {
        let findings = lint(
            schemas: [
                "Tree": [
                    "type": "object",
                    "properties": ["children": ["type": "array", "items": ["$ref": "#/components/schemas/Tree"]]],
                ],
                "List": [
                    "required": ["next"],
                    "properties": ["next": ["oneOf": [["$ref": "#/components/schemas/List"], ["type": "null"]]]],
                ],
                "Items": ["type": "array", "items": ["$ref": "#/components/schemas/Items"]],
                "Plain": ["type": "string", "minLength": 1, "maxLength": 1, "enum": ["a"]],
            ], rule: UnsatisfiableSchemaRule())
        #expect(findings.isEmpty)
    }

    @Test func nonEmptyArrayOfItselfIsUnsatisfiable() {
        let findings = lint(
            schemas: ["Nest": ["type": "array", "minItems": 1, "items": ["$ref": "#/components/schemas/Nest"]]],
            rule: UnsatisfiableSchemaRule())
        #expect(findings.count == 1)
    }

    @Test func localContradictions() {
        let findings = lint(
            schemas: [
                "Empty": ["enum": []],
                "Bounds": ["type": "integer", "minimum": 5, "maximum": 1],
                "Length": ["type": "string", "minLength": 3, "maxLength": 2],
                "Types": ["type": "string", "allOf": [["$ref": "#/components/schemas/Int"]]],
                "Int": ["type": "integer"],
                "NumberAndInteger": ["type": "number", "allOf": [["type": "integer"]]],
            ], rule: UnsatisfiableSchemaRule())
        #expect(
            Set(findings.map(\.location.pointer.description)) == [
                "/components/schemas/Empty", "/components/schemas/Bounds", "/components/schemas/Length",
                "/components/schemas/Types",
            ])
    }

    // MARK: invalid-pattern

    @Test func invalidPatterns() {
        let findings = lint(
            schemas: [
                "Syntax": ["type": "string", "pattern": "[a-"],
                "Delimited": ["type": "string", "pattern": "/^\\d+$/"],
                "Constant": ["type": "string", "pattern": "TIME_FORMAT_HH_MM"],
                "Nested": ["properties": ["p": ["pattern": "/x/i"]]],
                "Keys": ["patternProperties": ["(": [:]]],
                "Fine": ["type": "string", "pattern": "^\\d{2}:\\d{2}$"],
                "Word": ["type": "string", "pattern": "ABC"],
                "Path": ["type": "string", "pattern": "^/api/"],
            ], rule: InvalidPatternRule())
        #expect(
            Set(findings.map(\.location.pointer.description)) == [
                "/components/schemas/Syntax/pattern", "/components/schemas/Delimited/pattern",
                "/components/schemas/Constant/pattern",
                "/components/schemas/Nested/properties/p/pattern", "/components/schemas/Keys/patternProperties/(",
            ])
        #expect(
            findings.first { $0.location.pointer.description.hasSuffix("Delimited/pattern") }?.message.contains(
                "Remove the delimiters: \"^\\\\d+$\"") == true)
        #expect(
            findings.first { $0.location.pointer.description.hasSuffix("Constant/pattern") }?.message.contains(
                "constant name") == true)
    }

    // MARK: unknown-format

    @Test func unknownFormats() {
        let findings = lint(
            schemas: [
                "A": [
                    "type": "object",
                    "properties": [
                        "phone": ["type": "string", "format": "phone"],
                        "at": ["type": "string", "format": "date-time"],
                    ],
                ]
            ],
            rule: UnknownFormatRule())
        #expect(findings.map(\.location.pointer.description) == ["/components/schemas/A/properties/phone/format"])
        #expect(findings.first?.severity == .warning)
    }

    // MARK: operation rules

    @Test func no4xxResponse() {
        let findings = lint(
            operations: [
                operation("a", responses: [.exact(200)]), operation("b", responses: [.exact(200), .exact(404)]),
                operation("c", responses: [.range(4)]), operation("d", responses: [.exact(200), .default]),
                operation("e", responses: [.exact(200), .range(5)]),
            ], rule: NoClientErrorResponseRule())
        #expect(findings.map(\.operationID) == ["a", "e"])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func duplicateOperationIDs() {
        let findings = lint(
            operations: [
                operation("x", .get), operation("x", .post), operation("y", .put), operation(nil, .delete),
                operation(nil, .patch),
            ],
            rule: DuplicateOperationIDRule())
        #expect(findings.count == 1)
        #expect(findings.first?.location.pointer.description == "/paths/~1pets/post/operationId")
    }

    @Test func pathParameters() {
        let ops = [
            operation("ok", .get, "/pets/{id}", parameters: [pathParameter("id")]),
            operation("missing", .get, "/pets/{id}/toys/{toyId}", parameters: [pathParameter("id")]),
            operation("extra", .get, "/pets", parameters: [pathParameter("id")]),
        ]
        #expect(lint(operations: ops, rule: PathParameterUndeclaredRule()).map(\.operationID) == ["missing"])
        #expect(lint(operations: ops, rule: PathParameterUndeclaredRule()).first?.message.contains("{toyId}") == true)
        #expect(lint(operations: ops, rule: PathParameterNotInTemplateRule()).map(\.operationID) == ["extra"])
    }

    // MARK: unresolved-ref

    @Test func unresolvedRefs() {
        let other = "file:///common.json"
        let document: JSONValue = [
            "openapi": "3.0.3",
            "paths": ["/a": ["get": ["responses": ["200": ["$ref": "#/components/responses/Missing"]]]]],
            "components": [
                "schemas": [
                    "Good": ["$ref": "common.json#/components/schemas/Pet"],
                    "BadFile": ["$ref": "nope.json#/x"],
                    "BadPointer": ["$ref": "common.json#/components/schemas/Cat"],
                    "Escaped": ["$ref": "#/paths/~1a/get"],
                    "Anchor": ["$ref": "#someAnchor"],
                    "Data": [
                        "type": "object", "example": ["$ref": "not a ref"], "properties": ["$ref": ["type": "string"]],
                    ],
                ]
            ],
        ]
        let store = DocumentStore([uri: document, other: ["components": ["schemas": ["Pet": ["type": "object"]]]]])
        let findings = UnresolvedRefRule().check(LintContext(documents: store, spec: nil))
        #expect(
            findings.map(\.location.pointer.description).sorted() == [
                "/components/schemas/BadFile/$ref", "/components/schemas/BadPointer/$ref",
                "/paths/~1a/get/responses/200/$ref",
            ])
    }

    // MARK: Linter

    @Test func linterSortsAndScopes() {
        let document: JSONValue = [
            "openapi": "3.0.3",
            "components": [
                "schemas": [
                    "Used": ["type": "string", "pattern": "/x/"],
                    "Unused": ["type": "string", "format": "phone"],
                ]
            ],
        ]
        let store = DocumentStore([uri: document])
        let used = JSONLocation(document: uri, pointer: pointer("/components/schemas/Used"))
        var op = operation("op", responses: [.exact(404)])
        op.responses = [
            ResponseSpec(
                status: .exact(404), description: "",
                content: [MediaTypeSpec(mediaType: "application/json", schema: used, source: used)], source: used)
        ]
        let spec = APISpec(
            title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [op], documents: store,
            rootURI: uri)
        let everything = Linter().lint(documents: store, spec: spec)
        // Sorted by pointer: "Unused" before "Used".
        #expect(everything.map(\.rule) == ["unknown-format", "invalid-pattern"])
        #expect(everything == everything.sorted())
        let reachable = Linter().lint(documents: store, spec: spec, scope: .reachableFromOperations)
        #expect(reachable.map(\.rule) == ["invalid-pattern"])
    }
}
