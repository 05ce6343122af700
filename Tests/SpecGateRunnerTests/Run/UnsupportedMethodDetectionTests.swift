import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateTestSupport
import Testing

/// `unsupported_method` end to end, with nothing written by hand but a two-path spec: the run probes
/// each path with one method it does not declare and judges the answer against RFC 9110 §15.5.6. The
/// server is a loopback fixture (Cal.com itself, on NestJS/Express, answers 404, so its suite disables
/// the check and its sandbox answers as Express does).
@Suite("unsupported_method against a loopback server", .serialized)
struct UnsupportedMethodDetectionTests {
    static let spec = #"""
        {"openapi": "3.0.3", "info": {"title": "methods", "version": "1"},
         "paths": {
           "/items": {
             "get": {"operationId": "listItems", "responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"type": "object"}}}}, "404": {"description": "none"}}},
             "post": {"operationId": "createItem", "responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"type": "object"}}}}, "404": {"description": "none"}}}
           },
           "/items/{id}": {
             "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
             "get": {"operationId": "getItem", "responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"type": "object"}}}}, "404": {"description": "none"}}},
             "delete": {"operationId": "deleteItem", "responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"type": "object"}}}}, "404": {"description": "none"}}}
           }
         }}
        """#

    func run(_ behaviour: MethodServer.Behaviour, safe: Bool = false) async throws -> RunReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgate-methods-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("openapi.json").path
        try Data(Self.spec.utf8).write(to: URL(fileURLWithPath: path))
        let server = try await MethodServer.start(
            routes: [(path: "/items", methods: ["GET", "POST"]), (path: "/items/{id}", methods: ["GET", "DELETE"])],
            behaviour: behaviour)
        do {
            var options = RunOptions(
                path: path, baseURL: server.url, seed: 1, concurrency: 2, timeoutSeconds: 5, retries: 0)
            options.safe = safe
            let prepared = try RunPreparation.prepare(options)
            let report = try await RunExecutor.execute(prepared)
            await server.stop()
            return report
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test("405 with Allow listing the documented methods: no findings, each path probed once")
    func conformant() async throws {
        let report = try await run(.conformant)
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        let judged = report.operations.flatMap { op in
            op.checks.filter { $0.name == "unsupported_method" }.map { (op.operationID, $0.judged) }
        }
        #expect(judged.filter { $0.1 > 0 }.map(\.0).sorted() == ["listItems", "getItem"].sorted())
        #expect(judged.map(\.1).reduce(0, +) == 2)
    }

    @Test(
        "each faulty answer is an unsupported_method failure, and only that",
        arguments: [
            (MethodServer.Behaviour.notFound, "was answered 404, not 405"),
            (.missingAllow, "405 without an Allow header"),
            (.extraAllow, "Allow lists PUT"), (.acceptsAny, "was accepted with 200"),
        ])
    func fault(_ behaviour: MethodServer.Behaviour, detail: String) async throws {
        let report = try await run(behaviour)
        #expect(report.exitCode == 1)
        #expect(!report.failures.isEmpty)
        #expect(
            report.failures.allSatisfy { $0.check == "unsupported_method" },
            "\(report.failures.map { "\($0.check): \($0.message)" })")
        #expect(Set(report.failures.map(\.operationID)) == ["listItems", "getItem"])
        #expect(report.failures.allSatisfy { $0.mutation == "unsupported-method" })
        #expect(report.failures.allSatisfy { $0.message.contains(detail) }, "\(report.failures.map(\.message))")
    }

    @Test("--safe probes only with GET, so paths that declare GET are not probed")
    func safeMode() async throws {
        let report = try await run(.notFound, safe: true)
        #expect(report.failures.isEmpty)
    }
}
