import Foundation
import SpecGateTestSupport
import Testing

/// Specs given by URL: fetched from an in-process loopback server (`SpecServer`), with relative `$ref`s
/// across documents and a relative server (`/api`) that the run resolves against the spec's URL.
@Suite("Specs by URL")
struct SpecURLTests {
    /// The main document: its server is relative, its schemas and a parameter live in other documents.
    static let mainSpec = """
        openapi: 3.0.3
        info: {title: Item Service, version: "1.0"}
        servers: [{url: /api}]
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                "200":
                  description: the items
                  content:
                    application/json:
                      schema: {$ref: "schemas/item.yaml#/ItemList"}
          /items/{id}:
            get:
              operationId: getItem
              parameters: [{$ref: "../shared/parameters.json#/ItemId"}]
              responses:
                "200":
                  description: one item
                  content:
                    application/json:
                      schema: {$ref: "schemas/item.yaml#/Item"}
                "400": {description: not an item id}
                "404": {description: no such item}
        """

    static let itemSchemas = """
        Item:
          type: object
          required: [id, name]
          properties:
            id: {type: integer}
            name: {type: string}
        ItemList:
          type: array
          items: {$ref: "#/Item"}
        """

    static let parameters =
        #"{"ItemId": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}}"#

    static let files: [String: SpecServer.File] = [
        "/api/openapi.yaml": .init(contentType: "application/yaml", body: mainSpec),
        "/api/schemas/item.yaml": .init(contentType: "application/yaml", body: itemSchemas),
        "/shared/parameters.json": .init(contentType: "application/json", body: parameters),
        "/docs": .init(
            contentType: "text/html; charset=utf-8",
            body:
                "<!DOCTYPE html>\n<html><head><title>Swagger UI</title></head><body><div id=\"swagger-ui\"></div></body></html>\n"
        ),
    ]

    static let token = "spec-token-7f3a9c2e51"

    /// Report paths in a scratch folder, so runs never write into the package.
    static func reportArguments(_ folder: String) -> [String] {
        ["--junit", folder + "/junit.xml", "--json", folder + "/report.json"]
    }

    @Test func listLintAndRunASpecGivenByURL() async throws {
        let server = try await SpecServer.start(files: Self.files)
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = server.baseURL + "/api/openapi.yaml"

        let list = try await SpecGateProcess.run(["list", url])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("listItems"))
        #expect(list.stdout.contains("GET     /items/{id}") || list.stdout.contains("/items/{id}"))

        let lint = try await SpecGateProcess.run(["lint", url])
        #expect(lint.status == 0, "\(lint.stdout)\n\(lint.stderr)")
        #expect(lint.stdout.contains("0 errors"))

        let run = try await SpecGateProcess.run(["run", url] + Self.reportArguments(folder))
        let diff = try await SpecGateProcess.run(["diff", url, url])
        try Self.parameters.write(toFile: folder + "/instance.json", atomically: true, encoding: .utf8)
        let validate = try await SpecGateProcess.run(
            [
                "validate", "--spec", url, "--schema",
                "#/paths/~1items/get/responses/200/content/application~1json/schema", folder + "/instance.json",
            ])
        try await server.stop()
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(validate.status == 1, "\(validate.stdout)\n\(validate.stderr)")
        #expect(validate.stdout.contains("violation"), "\(validate.stdout)")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("→ \(server.baseURL)/api"), "\(run.stdout)")
        #expect(run.stdout.contains("0 failures, 0 errors"), "\(run.stdout)")
    }

    @Test func aSuiteOnDiskMayNameASpecByURL() async throws {
        let server = try await SpecServer.start(files: Self.files)
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = server.baseURL + "/api/openapi.yaml"

        let initialized = try await SpecGateProcess.run(["init", url, "--name", "items", "--dir", folder + "/items"])
        #expect(initialized.status == 0, "\(initialized.stdout)\n\(initialized.stderr)")
        #expect(initialized.stdout.contains("base URL: \(server.baseURL)/api"), "\(initialized.stdout)")
        let suite = try String(contentsOfFile: folder + "/items/suite.yaml", encoding: .utf8)
        #expect(suite.contains(url), "\(suite)")
        #expect(
            suite.contains("baseURL: \"\(server.baseURL)/api\"") || suite.contains("baseURL: \(server.baseURL)/api"),
            "\(suite)")

        let run = try await SpecGateProcess.run(["run", folder + "/items/suite.yaml"] + Self.reportArguments(folder))
        let bundle = try await SpecGateProcess.run([
            "bundle", folder + "/items/suite.yaml", "-o", folder + "/bundled.json",
        ])
        try await server.stop()
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("→ \(server.baseURL)/api"), "\(run.stdout)")
        #expect(run.stdout.contains("0 failures, 0 errors"), "\(run.stdout)")
        #expect(bundle.status == 0, "\(bundle.stderr)")
        let bundled = try String(contentsOfFile: folder + "/bundled.json", encoding: .utf8)
        #expect(bundled.contains("\"ItemList\""))
        // The bundle is self-contained: it lists again without the server.
        let again = try await SpecGateProcess.run(["list", folder + "/bundled.json"])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func aMissingDocumentHTMLAndARefusedConnectionExit2() async throws {
        let server = try await SpecServer.start(files: Self.files)
        let missing = try await SpecGateProcess.run(["list", server.baseURL + "/openapi.json"])
        let html = try await SpecGateProcess.run(["lint", server.baseURL + "/docs"])
        let tooLarge = try await SpecGateProcess.run([
            "list", server.baseURL + "/api/openapi.yaml", "--max-spec-bytes", "200",
        ])
        var brokenFiles = Self.files
        brokenFiles["/api/openapi.yaml"]?.body = Self.mainSpec.replacingOccurrences(
            of: "schemas/item.yaml", with: "schemas/gone.yaml")
        let broken = try await SpecServer.start(files: brokenFiles)
        let missingRef = try await SpecGateProcess.run(["list", broken.baseURL + "/api/openapi.yaml"])
        try await server.stop()
        try await broken.stop()
        let port = try await SpecServer.closedPort()
        let refused = try await SpecGateProcess.run(["run", "http://127.0.0.1:\(port)/openapi.json"])
        let slow = try await SpecServer.start(files: [
            "/hang": .init(contentType: "application/json", body: "", status: 0)
        ])
        let timedOut = try await SpecGateProcess.run(["list", slow.baseURL + "/hang", "--spec-timeout", "0.3"])
        try await slow.stop()

        #expect(missing.status == 2)
        #expect(missing.stderr.contains(server.baseURL + "/openapi.json"), "\(missing.stderr)")
        #expect(missing.stderr.contains("HTTP 404 Not Found"), "\(missing.stderr)")

        #expect(html.status == 2)
        #expect(html.stderr.contains("not a JSON or YAML OpenAPI document"), "\(html.stderr)")
        #expect(html.stderr.contains("Content-Type: text/html"), "\(html.stderr)")

        #expect(missingRef.status == 2)
        #expect(missingRef.stderr.contains("/api/schemas/gone.yaml"), "\(missingRef.stderr)")
        #expect(missingRef.stderr.contains("HTTP 404"), "\(missingRef.stderr)")
        #expect(missingRef.stderr.contains("referenced by $ref"), "\(missingRef.stderr)")

        #expect(tooLarge.status == 2)
        #expect(tooLarge.stderr.contains("larger than the limit of 200 bytes (--max-spec-bytes)"), "\(tooLarge.stderr)")

        #expect(timedOut.status == 2)
        #expect(timedOut.stderr.contains("timed out"), "\(timedOut.stderr)")

        #expect(refused.status == 2)
        #expect(refused.stderr.contains("http://127.0.0.1:\(port)/openapi.json"), "\(refused.stderr)")
        #expect(refused.stderr.contains("connection refused"), "\(refused.stderr)")
    }

    @Test func aSpecBehindAuthNeedsSpecHeaderWhoseValueIsNeverShown() async throws {
        let server = try await SpecServer.start(files: Self.files, requiredHeader: ("X-Spec-Token", Self.token))
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = server.baseURL + "/api/openapi.yaml"
        let header = "X-Spec-Token: " + Self.token

        let without = try await SpecGateProcess.run(["list", url])
        let wrong = try await SpecGateProcess.run(["lint", url, "--spec-header", "X-Spec-Token: nope-wrong-value"])
        let list = try await SpecGateProcess.run(["list", url, "--spec-header", header])
        let run = try await SpecGateProcess.run(["run", url, "--spec-header", header] + Self.reportArguments(folder))
        let plan = try await SpecGateProcess.run(["plan", url, "--spec-header", header])
        try await server.stop()

        #expect(without.status == 2)
        #expect(without.stderr.contains("HTTP 401"), "\(without.stderr)")
        #expect(without.stderr.contains("--spec-header"), "\(without.stderr)")
        #expect(wrong.status == 2)
        #expect(!wrong.stderr.contains("nope-wrong-value"), "\(wrong.stderr)")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("getItem"))
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(plan.status == 0, "\(plan.stderr)")
        var outputs = [without, wrong, list, run, plan].flatMap { [$0.stdout, $0.stderr] }
        outputs.append(try String(contentsOfFile: folder + "/junit.xml", encoding: .utf8))
        outputs.append(try String(contentsOfFile: folder + "/report.json", encoding: .utf8))
        for output in outputs { #expect(!output.contains(Self.token)) }
    }

    @Test func serverVariablesTakeDefaultsUnlessGiven() async throws {
        let server = try await SpecServer.start(files: Self.files)
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = Self.mainSpec
            .replacingOccurrences(
                of: "servers: [{url: /api}]",
                with:
                    "servers: [{url: \"http://127.0.0.1:{port}/{base}\", variables: {port: {default: \"9\"}, base: {default: v1, enum: [v1, api]}}}]"
            )
            .replacingOccurrences(of: "schemas/item.yaml", with: "item.yaml")
            .replacingOccurrences(of: "../shared/parameters.json", with: "parameters.json")
        try spec.write(toFile: folder + "/openapi.yaml", atomically: true, encoding: .utf8)
        try Self.itemSchemas.write(toFile: folder + "/item.yaml", atomically: true, encoding: .utf8)
        try Self.parameters.write(toFile: folder + "/parameters.json", atomically: true, encoding: .utf8)

        let defaults = try await SpecGateProcess.run([
            "plan", folder + "/openapi.yaml", "--valid-only", "--max-cases", "1",
        ])
        let given = try await SpecGateProcess.run(
            [
                "plan", folder + "/openapi.yaml", "--valid-only", "--max-cases", "1", "--server-var",
                "port=\(server.port)", "--server-var", "base=api",
            ])
        let unknown = try await SpecGateProcess.run(["plan", folder + "/openapi.yaml", "--server-var", "region=eu"])
        let outsideEnum = try await SpecGateProcess.run(["plan", folder + "/openapi.yaml", "--server-var", "base=v9"])
        let run = try await SpecGateProcess.run(
            ["run", folder + "/openapi.yaml", "--server-var", "port=\(server.port)", "--server-var", "base=api"]
                + Self.reportArguments(folder))
        let initialized = try await SpecGateProcess.run(
            ["init", folder + "/openapi.yaml", "--dir", folder + "/suite", "--server-var", "port=\(server.port)"])
        try await server.stop()

        #expect(defaults.status == 0, "\(defaults.stderr)")
        #expect(defaults.stdout.contains("http://127.0.0.1:9/v1/items"), "\(defaults.stdout)")
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("\(server.baseURL)/api/items"), "\(given.stdout)")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no variable region"), "\(unknown.stderr)")
        #expect(outsideEnum.status == 2)
        #expect(outsideEnum.stderr.contains("v1, api"), "\(outsideEnum.stderr)")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("base URL: \(server.baseURL)/v1"), "\(initialized.stdout)")
    }

    @Test func aRelativeServerInALocalSpecAsksForBaseURL() async throws {
        let folder = try SpecGateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = Self.mainSpec
            .replacingOccurrences(of: "schemas/item.yaml", with: "item.yaml")
            .replacingOccurrences(of: "../shared/parameters.json", with: "parameters.json")
        try spec.write(toFile: folder + "/openapi.yaml", atomically: true, encoding: .utf8)
        try Self.itemSchemas.write(toFile: folder + "/item.yaml", atomically: true, encoding: .utf8)
        try Self.parameters.write(toFile: folder + "/parameters.json", atomically: true, encoding: .utf8)

        let run = try await SpecGateProcess.run(["run", folder + "/openapi.yaml"] + Self.reportArguments(folder))
        #expect(run.status == 2)
        #expect(run.stderr.contains("--base-url http://localhost:8000/api"), "\(run.stderr)")
        #expect(run.stderr.contains("/api is relative"), "\(run.stderr)")

        let initialized = try await SpecGateProcess.run(["init", folder + "/openapi.yaml", "--dir", folder + "/suite"])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("--base-url http://localhost:8000/api"), "\(initialized.stdout)")

        // A local spec never leads to network access: its remote $refs stay refused.
        let remote = spec.replacingOccurrences(of: "item.yaml#/Item\"", with: "http://127.0.0.1:9/item.yaml#/Item\"")
        try remote.write(toFile: folder + "/remote.yaml", atomically: true, encoding: .utf8)
        let list = try await SpecGateProcess.run(["list", folder + "/remote.yaml"])
        #expect(list.status == 2)
        #expect(list.stderr.contains("never fetches over the network"), "\(list.stderr)")
    }

    @Test func redirectsAreFollowedButSpecHeadersStayWithTheirOrigin() async throws {
        var files = Self.files
        files["/openapi.yaml"] = .init(
            contentType: "text/plain", body: "moved", status: 302, location: "/api/openapi.yaml")
        let server = try await SpecServer.start(files: files, requiredHeader: ("X-Spec-Token", Self.token))
        let other = try await SpecServer.start(files: [
            "/elsewhere": .init(
                contentType: "text/plain", body: "moved", status: 307, location: server.baseURL + "/api/openapi.yaml")
        ])
        let header = "X-Spec-Token: " + Self.token
        // Relative $refs and the relative server resolve against where the spec was found.
        let same = try await SpecGateProcess.run([
            "plan", server.baseURL + "/openapi.yaml", "--spec-header", header, "--valid-only",
        ])
        // Another origin redirects to the spec: the header is not sent on, so the server refuses.
        let cross = try await SpecGateProcess.run(["list", other.baseURL + "/elsewhere", "--spec-header", header])
        try await server.stop()
        try await other.stop()

        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("curl -sS -X GET '\(server.baseURL)/api/items"), "\(same.stdout)")
        #expect(cross.status == 2)
        #expect(cross.stderr.contains("HTTP 401"), "\(cross.stderr)")
        #expect(cross.stderr.contains("redirected to \(server.baseURL)/api/openapi.yaml"), "\(cross.stderr)")
        for output in [same.stdout, same.stderr, cross.stdout, cross.stderr] { #expect(!output.contains(Self.token)) }
    }
}
