import SpecGateCore
import SpecGateJSON

/// Fuzzes JSONPath and the overlay engine. The first line is a JSONPath expression and the rest a
/// JSON/YAML document: every selected pointer must exist in the document, and updating or removing
/// the selection must not trap. The rest is also read as an overlay document and applied to a
/// small OpenAPI document.
enum OverlayFuzzTarget {
    static let uri = "file:///fuzz/overlay.yaml"

    static let openAPI: JSONValue = [
        "openapi": "3.1.0",
        "info": ["title": "fuzz", "version": "1"],
        "paths": [
            "/items/{id}": [
                "get": [
                    "operationId": "getItem",
                    "parameters": [["name": "id", "in": "path", "required": true, "schema": ["type": "string"]]],
                    "responses": [
                        "200": [
                            "description": "ok",
                            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Item"]]],
                        ]
                    ],
                ]
            ]
        ],
        "components": [
            "schemas": ["Item": ["type": "object", "properties": ["id": ["type": "string", "pattern": "^[a-z]+$"]]]]
        ],
    ]

    static func run(_ input: [UInt8]) -> [String] {
        let (head, rest) = FuzzInput.splitFirstLine(input)
        let document =
            (try? DocumentParser.parse(rest, uri: uri, limits: .init(maxNodes: 100_000, maxDepth: 64))) ?? openAPI
        var problems: [String] = []
        if let path = try? JSONPath(String(decoding: head, as: UTF8.self)) {
            problems += checkSelection(path, in: document)
        }
        if let overlay = try? Overlay(parsing: document, uri: uri) {
            do {
                let (result, _) = try OverlayEngine.apply(overlay, to: openAPI)
                _ = JSONWriter().bytes(result)
            } catch {
                if error.file != uri { problems.append("overlay error names \(error.file), not the overlay") }
            }
        }
        return problems
    }

    private static func checkSelection(_ path: JSONPath, in document: JSONValue) -> [String] {
        var problems: [String] = []
        let selected = path.select(in: document)
        for pointer in selected where document.value(at: pointer) == nil {
            problems.append("\(path) selected \(pointer), which does not exist")
        }
        let values = path.values(in: document)
        if values.map(\.pointer) != selected { problems.append("\(path): values(in:) and select(in:) disagree") }
        for (pointer, value) in values where document.value(at: pointer) != value {
            problems.append("\(path): value at \(pointer) differs from the document")
        }
        for remove in [false, true] {
            let action = OverlayAction(
                target: path, description: nil, update: remove ? nil : ["x-fuzz": true], remove: remove)
            do {
                _ = try OverlayEngine.apply(Overlay(actions: [action], uri: uri), to: document)
            } catch {
                if error.file != uri { problems.append("overlay error names \(error.file), not the overlay") }
            }
        }
        return problems
    }
}
