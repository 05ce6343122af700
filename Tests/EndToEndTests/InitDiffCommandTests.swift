import Foundation
import SpecGateJSON
import SpecGateTestSupport
import Testing

/// `specgate init` and `specgate diff` end to end: the real binary on Cal.com's document and on a small
/// OpenAPI 3.1 document.
@Suite("Init and diff commands")
struct InitDiffCommandTests {
    static let calcom = "specs/calcom/openapi-v2.json"

    static let small31 = """
        openapi: 3.1.0
        info: {title: Widget Store, version: "2.0"}
        servers:
          - url: https://{region}.widgets.example/{base}
            variables:
              region: {default: eu, enum: [eu, us]}
              base: {default: v2}
        security: [{storeKey: []}]
        components:
          securitySchemes:
            storeKey: {type: apiKey, in: header, name: X-Store-Key}
          parameters:
            Version: {name: X-Version, in: header, required: true, schema: {type: string, const: "2024-01"}}
          schemas:
            Widget:
              type: object
              required: [id]
              properties:
                id: {type: integer}
                label: {type: [string, "null"]}
                parts: {type: array, items: {$ref: "#/components/schemas/Widget"}}
        paths:
          /widgets:
            get:
              operationId: listWidgets
              tags: [Widgets]
              parameters: [{$ref: "#/components/parameters/Version"}]
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Widget"}}}}}
                "401": {description: no key}
          /widgets/{id}:
            get:
              operationId: getWidget
              tags: [Widgets, Admin]
              parameters:
                - $ref: "#/components/parameters/Version"
                - {name: id, in: path, required: true, schema: {type: integer}}
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Widget"}}}}
                "404": {description: none}
        """

    @Test func initOnCalcomWritesASuiteThatLoadsLintsAndPlans() async throws {
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dir = folder + "/calx"
        let result = try await SpecGateProcess.run(["init", Self.calcom, "--name", "calx", "--dir", dir])
        #expect(result.status == 0, "\(result.stderr)")
        let suite = try String(contentsOfFile: dir + "/suite.yaml", encoding: .utf8)
        let overlay = try String(contentsOfFile: dir + "/overlay.yaml", encoding: .utf8)
        // Cal.com declares no security scheme: its required Authorization header parameter gives the auth.
        #expect(suite.contains("auth:\n  type: bearer\n  header: \"Authorization\"\n  env: CALX_API_KEY\n"))
        #expect(suite.contains("secrets: [\"x-cal-secret-key\"]"))
        #expect(suite.contains("overlays: [\"overlay.yaml\"]"))
        #expect(suite.contains("    - \"Bookings\"\n"))
        // cal-api-version differs between operations, so it is no fixed header; there are no servers.
        #expect(!suite.contains("\nheaders:"))
        #expect(suite.contains("# baseURL: "))
        #expect(!FileManager.default.fileExists(atPath: dir + "/openapi-v2.json"))
        #expect(overlay.contains("actions: []"))
        // The printed lint count is the one `specgate lint` gives for the new suite.
        let lint = try await SpecGateProcess.run(["lint", dir + "/suite.yaml"])
        #expect(lint.status == 1)
        let summary = try #require(lint.lines.last)
        let printed = try #require(result.lines.first { $0.hasPrefix("lint: ") })
        #expect(printed == "lint: " + summary)
        #expect(result.stdout.contains("specgate run \(dir)/suite.yaml --base-url "))
        let plan = try await SpecGateProcess.run(
            ["plan", dir + "/suite.yaml", "--max-cases", "1", "--valid-only"],
            environment: ["CALX_API_KEY": "cal_secret_123"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(
            plan.lines.contains { $0.hasPrefix("curl ") && $0.contains("'Authorization: Bearer '\"$CALX_API_KEY\"") })
        #expect(!plan.stdout.contains("cal_secret_123"))
        // An existing folder is refused without --force.
        let again = try await SpecGateProcess.run(["init", Self.calcom, "--name", "calx", "--dir", dir])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"))
        let forced = try await SpecGateProcess.run(["init", Self.calcom, "--name", "calx", "--dir", dir, "--force"])
        #expect(forced.status == 0)
    }

    @Test func initOnA31SpecUsesServersSchemesAndConstantHeaders() async throws {
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.small31.utf8).write(to: URL(fileURLWithPath: folder + "/widgets.yaml"))
        let dir = folder + "/suites/widgets"
        let result = try await SpecGateProcess.run(["init", folder + "/widgets.yaml", "--dir", dir, "--copy"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/widgets.yaml"))
        let suite = try String(contentsOfFile: dir + "/suite.yaml", encoding: .utf8)
        #expect(suite.contains("name: \"widget-store\""))
        #expect(suite.contains("spec: \"widgets.yaml\""))
        #expect(suite.contains("baseURL: \"https://eu.widgets.example/v2\""))
        #expect(suite.contains("headers:\n  \"X-Version\": \"2024-01\"\n"))
        #expect(suite.contains("auth:\n  type: header\n  header: \"X-Store-Key\"\n  env: WIDGET_STORE_API_KEY\n"))
        #expect(suite.contains("include:\n  tags:\n    - \"Widgets\"\n    - \"Admin\"\n"))
        #expect(result.stdout.contains("lint: 0 errors"))
        let plan = try await SpecGateProcess.run(
            ["plan", dir + "/suite.yaml", "--valid-only", "--max-cases", "1"],
            environment: ["WIDGET_STORE_API_KEY": "k"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let curls = plan.lines.filter { $0.hasPrefix("curl ") }
        #expect(curls.count == 2)
        #expect(
            curls.allSatisfy {
                $0.contains("https://eu.widgets.example/v2/widgets") && $0.contains("X-Version: 2024-01")
            })

        // Referenced (not copied): the suite names the spec by a relative path and still loads.
        let referenced = folder + "/elsewhere/widgets"
        let second = try await SpecGateProcess.run(["init", folder + "/widgets.yaml", "--dir", referenced])
        #expect(second.status == 0, "\(second.stderr)")
        let text = try String(contentsOfFile: referenced + "/suite.yaml", encoding: .utf8)
        #expect(text.contains("spec: \"../../widgets.yaml\""))
        let lint = try await SpecGateProcess.run(["lint", referenced + "/suite.yaml"])
        #expect(lint.status == 0, "\(lint.stdout)")
    }

    @Test func diffReportsChangesJSONAndFailsOnBreaking() async throws {
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let old = folder + "/old.yaml"
        let new = folder + "/new.yaml"
        try Data(Self.small31.utf8).write(to: URL(fileURLWithPath: old))
        let edited = Self.small31
            .replacingOccurrences(
                of: "label: {type: [string, \"null\"]}",
                with: "label: {type: [string, \"null\"]}\n        color: {type: string}"
            )
            .replacingOccurrences(of: "required: [id]", with: "required: [id, color]")
            .replacingOccurrences(of: "\"404\": {description: none}", with: "\"410\": {description: gone}")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: new))

        let same = try await SpecGateProcess.run(["diff", old, old, "--fail-on-breaking"])
        #expect(same.status == 0)
        #expect(same.lines.last?.hasPrefix("0 changes (0 breaking, 0 non-breaking)") == true)

        let result = try await SpecGateProcess.run(["diff", old, new, "--json", folder + "/diff.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.contains("GET /widgets/{id}  (getWidget)"))
        #expect(result.lines.contains { $0.contains("response-status-removed") && $0.contains("response 404 removed") })
        let json = try JSONParser().parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/diff.json"))))
        let changes = try #require(json["changes"]?.arrayValue)
        let kinds = Set(changes.compactMap { $0["kind"]?.stringValue })
        #expect(kinds == ["property-added", "response-status-added", "response-status-removed"])
        #expect(json["summary"]?["breaking"]?.intValue == 0)
        #expect(changes.count == 4)  // color added to both operations' responses, 410 added, 404 removed

        // Response 200 removed: a documented success status is gone, breaking.
        let broken = Self.small31.replacingOccurrences(
            of:
                "\"200\": {description: ok, content: {application/json: {schema: {$ref: \"#/components/schemas/Widget\"}}}}\n",
            with: "")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: new))
        let failing = try await SpecGateProcess.run(["diff", old, new, "--fail-on-breaking"])
        #expect(failing.status == 1)
        #expect(failing.lines.contains { $0.hasPrefix("  breaking") && $0.contains("response 200 removed") })
        let missing = try await SpecGateProcess.run(["diff", old, folder + "/missing.yaml"])
        #expect(missing.status == 2)
    }
}
