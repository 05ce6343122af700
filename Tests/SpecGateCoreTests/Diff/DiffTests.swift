import SpecGateCore
import SpecGateJSON
import Testing

/// `SpecDiff` and `ContractFingerprint` on a small API edited one way at a time, and on Cal.com's document.
@Suite("Spec diff")
struct DiffTests {
    static let base = """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {
          "/items": {
            "get": {"operationId": "listItems",
              "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}}],
              "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}}},
                "400": {"description": "bad"}}},
            "post": {"operationId": "createItem",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewItem"}}}},
              "responses": {"201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}}},
          "/items/{id}": {"get": {"operationId": "getItem",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
              "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}}},
          "/tree": {"get": {"operationId": "getTree",
              "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}}}}},
         "components": {"schemas": {
           "Item": {"type": "object", "required": ["id", "status"], "properties": {
             "id": {"type": "string"}, "status": {"type": "string", "enum": ["open", "closed"]}, "note": {"type": "string"}}},
           "NewItem": {"type": "object", "required": ["name"], "properties": {
             "name": {"type": "string", "maxLength": 50}, "kind": {"type": "string", "enum": ["a", "b"]}, "count": {"type": "integer"}}},
           "Node": {"type": "object", "properties": {
             "name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}}
        """

    /// One edit: the JSON at a pointer replaced (or removed when `json` is nil).
    struct Edit: CustomTestStringConvertible, Sendable {
        var pointer: String
        var json: String?
        var kind: SpecChange.Kind
        var severity: ChangeSeverity
        var operations: Set<String>

        var testDescription: String { "\(kind.rawValue) at \(pointer)" }
    }

    static func edited(_ text: String, _ edits: [(String, String?)]) throws -> String {
        var value = try JSONParser.parse(text)
        for (pointerText, json) in edits {
            let pointer = try #require(JSONPointer(pointerText))
            if let json {
                value = try #require(
                    value.replacing(at: pointer, with: try JSONParser.parse(json)), "no parent for \(pointerText)")
            } else {
                value = try #require(value.removing(at: pointer), "nothing at \(pointerText)")
            }
        }
        return JSONWriter.compact(value)
    }

    static func changes(_ edits: [(String, String?)], base: String = DiffTests.base) throws -> [SpecChange] {
        let old = try Fixtures.spec(text: base, name: "old.json")
        let new = try Fixtures.spec(text: try edited(base, edits), name: "new.json")
        return SpecDiff(old: old, new: new).changes()
    }

    static let limit = "/paths/~1items/get/parameters"
    static let item = "/components/schemas/Item"
    static let newItem = "/components/schemas/NewItem"
    static let all: Set<String> = ["listItems", "createItem", "getItem"]

    static let edits: [Edit] = [
        Edit(
            pointer: "/paths/~1tree", json: nil, kind: .operationRemoved, severity: .breaking, operations: ["getTree"]),
        Edit(
            pointer: "/paths/~1other", json: #"{"get": {"responses": {"200": {"description": "ok"}}}}"#,
            kind: .operationAdded,
            severity: .nonBreaking, operations: ["GET /other"]),
        Edit(
            pointer: limit,
            json:
                #"[{"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}}, {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}]"#,
            kind: .parameterAdded, severity: .breaking, operations: ["listItems"]),
        Edit(
            pointer: limit,
            json:
                #"[{"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}}, {"name": "q", "in": "query", "schema": {"type": "string"}}]"#,
            kind: .parameterAdded, severity: .nonBreaking, operations: ["listItems"]),
        Edit(pointer: limit, json: "[]", kind: .parameterRemoved, severity: .breaking, operations: ["listItems"]),
        Edit(
            pointer: limit + "/0/required", json: "true", kind: .parameterBecameRequired, severity: .breaking,
            operations: ["listItems"]),
        Edit(
            pointer: limit + "/0/in", json: #""header""#, kind: .parameterMoved, severity: .breaking,
            operations: ["listItems"]),
        Edit(
            pointer: limit + "/0/schema/type", json: #""string""#, kind: .typeChanged, severity: .breaking,
            operations: ["listItems"]),
        Edit(
            pointer: limit + "/0/schema/maximum", json: "50", kind: .constraintTightened, severity: .breaking,
            operations: ["listItems"]),
        Edit(
            pointer: limit + "/0/schema/maximum", json: "500", kind: .constraintLoosened, severity: .nonBreaking,
            operations: ["listItems"]),
        Edit(
            pointer: "/paths/~1items~1{id}/get/requestBody",
            json: #"{"content": {"application/json": {"schema": {"type": "object"}}}}"#,
            kind: .requestBodyAdded, severity: .nonBreaking, operations: ["getItem"]),
        Edit(
            pointer: "/paths/~1items~1{id}/get/requestBody",
            json: #"{"required": true, "content": {"application/json": {"schema": {"type": "object"}}}}"#,
            kind: .requestBodyAdded, severity: .breaking, operations: ["getItem"]),
        Edit(
            pointer: "/paths/~1items/post/requestBody/required", json: "false", kind: .requestBodyBecameOptional,
            severity: .nonBreaking,
            operations: ["createItem"]),
        Edit(
            pointer: newItem + "/required", json: #"["name", "kind"]"#, kind: .propertyBecameRequired,
            severity: .breaking,
            operations: ["createItem"]),
        Edit(
            pointer: newItem + "/properties/kind/enum", json: #"["a"]"#, kind: .enumValueRemoved, severity: .breaking,
            operations: ["createItem"]),
        Edit(
            pointer: newItem + "/properties/kind/enum", json: #"["a", "b", "c"]"#, kind: .enumValueAdded,
            severity: .nonBreaking,
            operations: ["createItem"]),
        Edit(
            pointer: newItem + "/properties/name/maxLength", json: "20", kind: .constraintTightened,
            severity: .breaking,
            operations: ["createItem"]),
        Edit(
            pointer: newItem + "/properties/name/pattern", json: #""^[a-z]+$""#, kind: .constraintTightened,
            severity: .breaking,
            operations: ["createItem"]),
        Edit(
            pointer: newItem + "/properties/count/type", json: #""number""#, kind: .typeChanged, severity: .nonBreaking,
            operations: ["createItem"]),
        Edit(
            pointer: item + "/properties/status/enum", json: #"["open", "closed", "archived"]"#, kind: .enumValueAdded,
            severity: .breaking,
            operations: all),
        Edit(
            pointer: item + "/properties/status/enum", json: #"["open"]"#, kind: .enumValueRemoved,
            severity: .nonBreaking, operations: all),
        Edit(
            pointer: item + "/properties/note", json: nil, kind: .propertyRemoved, severity: .breaking, operations: all),
        Edit(
            pointer: item + "/required", json: #"["id"]"#, kind: .propertyBecameOptional, severity: .breaking,
            operations: all),
        Edit(
            pointer: item + "/properties/note/nullable", json: "true", kind: .nullableAdded, severity: .breaking,
            operations: all),
        Edit(
            pointer: item + "/properties/id/type", json: #""integer""#, kind: .typeChanged, severity: .breaking,
            operations: all),
        Edit(
            pointer: item + "/properties/extra", json: #"{"type": "string"}"#, kind: .propertyAdded,
            severity: .nonBreaking,
            operations: all),
        Edit(
            pointer: "/paths/~1items/get/responses/400", json: nil, kind: .responseStatusRemoved,
            severity: .nonBreaking,
            operations: ["listItems"]),
        Edit(
            pointer: "/paths/~1items~1{id}/get/responses/200", json: #"{"description": "gone"}"#,
            kind: .responseContentTypeRemoved,
            severity: .breaking, operations: ["getItem"]),
        Edit(
            pointer: "/paths/~1items~1{id}/get/responses/404", json: #"{"description": "no such item"}"#,
            kind: .responseStatusAdded,
            severity: .nonBreaking, operations: ["getItem"]),
        Edit(
            pointer: "/paths/~1tree/get/security", json: #"[{"bearer": []}]"#, kind: .securityChanged,
            severity: .breaking,
            operations: ["getTree"]),
        Edit(
            pointer: "/components/schemas/Node/properties/name/type", json: #""integer""#, kind: .typeChanged,
            severity: .breaking,
            operations: ["getTree"]),
    ]

    @Test(arguments: edits) func eachEditIsOneClassifiedChange(_ edit: Edit) throws {
        let changes = try Self.changes([(edit.pointer, edit.json)])
        #expect(!changes.isEmpty)
        let matching = changes.filter { $0.kind == edit.kind }
        #expect(
            Set(matching.map(\.operation)) == edit.operations,
            "\(changes.map { "\($0.operation) \($0.kind) \($0.message)" })")
        #expect(matching.allSatisfy { $0.severity == edit.severity }, "\(matching.map(\.message))")
        // Each operation reports a change once: shared schemas are compared once per operation.
        #expect(matching.count == edit.operations.count, "\(matching.map(\.message))")
    }

    @Test func identicalSpecsHaveNoChanges() throws {
        #expect(try Self.changes([]).isEmpty)
    }

    @Test func removedSuccessStatusIsBreakingAndPointsIntoOld() throws {
        let changes = try Self.changes([
            ("/paths/~1tree/get/responses/200", nil), ("/paths/~1tree/get/responses/404", #"{"description": "x"}"#),
        ])
        let removed = try #require(changes.first { $0.kind == .responseStatusRemoved })
        #expect(removed.severity == .breaking)
        #expect(removed.location.document == "file:///mem/old.json")
        #expect(removed.location.pointer.description == "/paths/~1tree/get/responses/200")
    }

    @Test func recursiveSchemasTerminateAndReportDeepChanges() throws {
        // A change deep inside the recursion (children[] of Node) is the same pair of locations: one change.
        let changes = try Self.changes([("/components/schemas/Node/required", #"["name"]"#)])
        #expect(changes.map(\.kind) == [.propertyBecameRequired])
        #expect(changes.first?.severity == .nonBreaking)
        // Mutually recursive schemas, where following $refs alternates between two schemas.
        let mutual = try Self.edited(
            Self.base,
            [
                ("/components/schemas/Node/properties/children/items/$ref", ##""#/components/schemas/Leaf""##),
                (
                    "/components/schemas/Leaf",
                    ##"{"type": "object", "properties": {"parent": {"$ref": "#/components/schemas/Node"}}}"##
                ),
            ])
        let edited = try Self.edited(mutual, [("/components/schemas/Leaf/properties/size", #"{"type": "integer"}"#)])
        let mutualChanges = SpecDiff(
            old: try Fixtures.spec(text: mutual, name: "old.json"),
            new: try Fixtures.spec(text: edited, name: "new.json")
        ).changes()
        #expect(mutualChanges.map(\.kind) == [.propertyAdded])
    }

    @Test func fingerprintsSelectEveryOperationReachingASharedSchema() throws {
        let old = try Fixtures.spec(text: Self.base, name: "old.json")
        let shared = try Fixtures.spec(
            text: try Self.edited(Self.base, [(Self.item + "/properties/note/maxLength", "10")]), name: "new.json")
        #expect(
            ContractFingerprint.changedOperations(old: old, new: shared) == [
                "GET /items", "POST /items", "GET /items/{}",
            ])
        let recursive = try Fixtures.spec(
            text: try Self.edited(Self.base, [("/components/schemas/Node/properties/name/minLength", "1")]),
            name: "new.json")
        #expect(ContractFingerprint.changedOperations(old: old, new: recursive) == ["GET /tree"])
        let added = try Fixtures.spec(
            text: try Self.edited(
                Self.base, [("/paths/~1other", #"{"get": {"responses": {"200": {"description": "ok"}}}}"#)]),
            name: "new.json")
        #expect(ContractFingerprint.changedOperations(old: old, new: added) == ["GET /other"])
        // Documentation edits are not contract changes.
        let documented = try Fixtures.spec(
            text: try Self.edited(
                Self.base,
                [(Self.item + "/description", #""An item.""#), ("/paths/~1tree/get/summary", #""The tree""#)]),
            name: "new.json")
        #expect(ContractFingerprint.changedOperations(old: old, new: documented).isEmpty)
    }

    // MARK: Cal.com

    static func calcom() throws -> (text: String, spec: APISpec) {
        let uri = Fixtures.repositoryURI("specs/calcom/openapi-v2.json")
        let text = String(decoding: try Fixtures.bytes(ofURI: uri), as: UTF8.self)
        return (text, try OpenAPIModelBuilder.build(try DocumentSetLoader(provider: DiskProvider()).load(rootURI: uri)))
    }

    @Test func calcomAgainstItselfHasNoChanges() throws {
        let (text, spec) = try Self.calcom()
        #expect(SpecDiff(old: spec, new: spec).changes().isEmpty)
        let copy = try Fixtures.spec(text: text, name: "copy.json")
        #expect(SpecDiff(old: spec, new: copy).changes().isEmpty)
        #expect(ContractFingerprint.changedOperations(old: spec, new: copy).isEmpty)
    }

    @Test func calcomWithThreeEditsHasExactlyThoseChanges() throws {
        let (text, spec) = try Self.calcom()
        let bookings = "/paths/~1v2~1bookings~1{bookingUid}"
        let cancelParameters = bookings + "~1cancel/post/parameters"
        let pointer = try #require(JSONPointer(cancelParameters))
        let existing = try #require(try JSONParser.parse(text).value(at: pointer)?.arrayValue)
        let reason: JSONValue = ["name": "reason", "in": "query", "required": true, "schema": ["type": "string"]]
        let edited = try Self.edited(
            text,
            [
                (bookings + "~1reassign~1{userId}/post/requestBody/required", "false"),
                (bookings + "/get/responses/200", nil),
                (cancelParameters, JSONWriter.compact(.array(existing + [reason]))),
            ])
        let new = try Fixtures.spec(text: edited, name: "edited.json")
        let changes = SpecDiff(old: spec, new: new).changes()
        let summary = changes.map { "\($0.operation) \($0.kind.rawValue) \($0.severity.rawValue)" }.sorted()
        #expect(
            summary == [
                "BookingsController_2024_08_13_cancelBooking parameter-added breaking",
                "BookingsController_2024_08_13_getBooking response-status-removed breaking",
                "BookingsController_2024_08_13_reassignBookingToUser request-body-became-optional non-breaking",
            ], "\(changes.map(\.message))")
        #expect(
            ContractFingerprint.changedOperations(old: spec, new: new)
                == ["POST /v2/bookings/{}/reassign/{}", "GET /v2/bookings/{}", "POST /v2/bookings/{}/cancel"])
    }
}
