import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import Testing

/// Swagger 2.0 specs in the workspace: lint lines (JSON and YAML, through `SourceLineIndex`), overlays
/// written against the 2.0 file, and conversion warnings as findings.
@Suite struct Swagger2WorkspaceTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "specgate-swagger2-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static let json = """
        {
          "swagger": "2.0",
          "info": {"title": "T", "version": "1"},
          "paths": {
            "/a": {
              "post": {
                "parameters": [
                  {"name": "q", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "tsv"},
                  {
                    "name": "b",
                    "in": "body",
                    "schema": {"type": "string", "format": "body-format"}
                  }
                ],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/A"}}}
              }
            }
          },
          "definitions": {
            "A": {
              "type": "object",
              "properties": {
                "x": {"type": "string", "format": "x-format"}
              }
            }
          }
        }
        """

    @Test func lintLinesOfAJSONSwaggerFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.json.write(toFile: folder + "/api.json", atomically: true, encoding: .utf8)
        let target = try Workspace.load(path: folder + "/api.json")
        let findings = target.lint()
        let index = SourceLineIndex(locations: findings.map(\.location), in: target.documents)
        func line(_ rule: String, _ text: String) -> Int? {
            findings.first { $0.rule == rule && $0.message.contains(text) }.flatMap { index.line(of: $0.location) }
        }
        #expect(line(UnknownFormatRule.id, "x-format") == 23)
        #expect(line(UnknownFormatRule.id, "body-format") == 12)
        // The tsv collection format is a conversion warning on its parameter's line.
        let tsv = try #require(findings.first { $0.rule == LoadedTarget.conversionRuleID })
        #expect(tsv.severity == .warning)
        #expect(index.line(of: tsv.location) == 8)
        #expect(target.documents.position(of: tsv.location)?.line == 8)
    }

    @Test func overlaysApplyToTheSwaggerFileAsWritten() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.json.write(toFile: folder + "/api.json", atomically: true, encoding: .utf8)
        try """
        overlay: 1.0.0
        info: {title: fixes, version: "1"}
        actions:
          - target: "$.definitions.A.properties.x"
            update:
              x-nullable: true
              format: date
        """.write(toFile: folder + "/overlay.yaml", atomically: true, encoding: .utf8)
        try "spec: api.json\noverlays: [overlay.yaml]\n".write(
            toFile: folder + "/suite.yaml", atomically: true, encoding: .utf8)
        let target = try Workspace.load(path: folder + "/suite.yaml")
        #expect(target.overlayWarnings.isEmpty)
        #expect(
            target.documents.root["components"]?["schemas"]?["A"]?["properties"]?["x"] == [
                "type": "string", "format": "date", "nullable": true,
            ])
        let findings = target.lint()
        #expect(!findings.contains { $0.message.contains("x-format") })
        // Lines stay those of the file as written.
        let body = try #require(findings.first { $0.message.contains("body-format") })
        #expect(SourceLineIndex(locations: [body.location], in: target.documents).line(of: body.location) == 12)
    }
}
