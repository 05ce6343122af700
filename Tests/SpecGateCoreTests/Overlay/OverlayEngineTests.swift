import SpecGateJSON
import Testing

@testable import SpecGateCore

private func overlay(_ actions: [JSONValue]) throws(OverlayError) -> Overlay {
    try Overlay(
        parsing: ["overlay": "1.0.0", "info": ["title": "t", "version": "1"], "actions": .array(actions)],
        uri: "file:///o.yaml")
}

@Suite struct OverlayEngineTests {
    let document: JSONValue = [
        "info": ["title": "API", "version": "1"],
        "tags": ["a"],
        "components": [
            "schemas": [
                "Pet": [
                    "type": "object", "required": ["id"],
                    "properties": ["id": ["type": "integer"], "name": ["type": "string"]],
                ]
            ]
        ],
    ]

    @Test func updateDeepMergesObjects() throws {
        let o = try overlay([
            [
                "target": "$.components.schemas.Pet",
                "update": ["description": "A pet", "required": ["name"], "properties": ["name": ["maxLength": 10]]],
            ]
        ])
        let (result, warnings) = try OverlayEngine.apply(o, to: document)
        #expect(warnings.isEmpty)
        let pet = result["components"]?["schemas"]?["Pet"]
        #expect(pet?["description"] == "A pet")
        #expect(pet?["required"] == ["id", "name"])
        #expect(pet?["properties"]?["name"] == ["type": "string", "maxLength": 10])
        #expect(pet?["properties"]?["id"] == ["type": "integer"])
        #expect(pet?["type"] == "object")
    }

    @Test func updateReplacesPrimitivesAndAppendsToArrayTargets() throws {
        let o = try overlay([
            ["target": "$.info", "update": ["title": "Renamed"]],
            ["target": "$.tags", "update": ["b", "c"]],
            ["target": "$.tags", "update": "d"],
            ["target": "$.info.version", "update": "2"],
        ])
        let (result, _) = try OverlayEngine.apply(o, to: document)
        #expect(result["info"]?["title"] == "Renamed")
        // An array update adds its elements; any other value is appended as one element.
        #expect(result["tags"] == ["a", "b", "c", "d"])
        #expect(result["info"]?["version"] == "2")
    }

    @Test func objectTargetNeedsObjectUpdate() throws {
        let o = try overlay([["target": "$.info", "update": "text"]])
        #expect(throws: OverlayError.self) { try OverlayEngine.apply(o, to: document) }
        do {
            _ = try OverlayEngine.apply(o, to: document)
        } catch {
            #expect(error.actionIndex == 0)
            #expect(error.file == "file:///o.yaml")
        }
    }

    @Test func removeDeletesEveryTarget() throws {
        let doc: JSONValue = ["items": [["x": 1], ["x": 2], ["x": 1], ["x": 3]], "keep": true]
        let o = try overlay([["target": "$.items[?@.x == 1]", "remove": true], ["target": "$.keep", "remove": true]])
        let (result, warnings) = try OverlayEngine.apply(o, to: doc)
        #expect(warnings.isEmpty)
        #expect(result == ["items": [["x": 2], ["x": 3]]])
    }

    @Test func removeThenUpdateReplacesAMember() throws {
        let o = try overlay([
            ["target": "$.components.schemas.Pet.properties.name", "remove": true],
            ["target": "$.components.schemas.Pet.properties", "update": ["name": ["type": "integer"]]],
        ])
        let (result, _) = try OverlayEngine.apply(o, to: document)
        #expect(result["components"]?["schemas"]?["Pet"]?["properties"]?["name"] == ["type": "integer"])
    }

    @Test func noMatchIsAWarning() throws {
        let o = try overlay([
            ["target": "$.components.schemas.Nope", "description": "why", "update": ["x": 1]],
            ["target": "$.info", "update": ["x": 1]],
        ])
        let (result, warnings) = try OverlayEngine.apply(o, to: document)
        #expect(warnings.count == 1)
        #expect(warnings.first?.actionIndex == 0)
        #expect(warnings.first?.target == "$.components.schemas.Nope")
        #expect(result["info"]?["x"] == 1)
    }

    @Test func actionsApplyInOrder() throws {
        let o = try overlay([
            ["target": "$.info", "update": ["x-step": 1]],
            ["target": "$.info[?@ == 1]", "update": 2],
        ])
        let (result, _) = try OverlayEngine.apply(o, to: document)
        #expect(result["info"]?["x-step"] == 2)
    }

    @Test func parseErrorsNameTheAction() throws {
        #expect(throws: OverlayError.self) {
            try Overlay(parsing: ["info": [:], "actions": []], uri: "file:///o.yaml")
        }
        #expect(throws: OverlayError.self) {
            try Overlay(parsing: ["overlay": "2.0.0", "actions": []], uri: "file:///o.yaml")
        }
        for bad: JSONValue in [
            ["update": [:]], ["target": "$.a["], ["target": "$.a"], ["target": "$.a", "remove": "yes"],
        ] {
            do {
                _ = try overlay([["target": "$.ok", "remove": true], bad])
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error.actionIndex == 1)
                #expect(error.description.contains("/o.yaml"))
            }
        }
    }

    @Test func rootCannotBeRemoved() throws {
        let o = try overlay([["target": "$", "remove": true]])
        #expect(throws: OverlayError.self) { try OverlayEngine.apply(o, to: document) }
    }

    @Test func extendsIsRecorded() throws {
        let o = try Overlay(
            parsing: ["overlay": "1.0.0", "extends": "openapi.json", "actions": []], uri: "file:///o.yaml")
        #expect(o.extends == "openapi.json")
        #expect(o.actions.isEmpty)
    }
}
