import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateTestSupport
import Testing

/// Optional header parameters, end to end on a loopback fixture (the Cal.com Bookings operations have
/// no typed or enumerated optional header): valid cases sometimes send a valid value, the invalid case
/// `optional-header-invalid` sends `abc`; a server answering that with 500 is found by
/// `not_a_server_error`, with nothing written by hand.
@Suite("optional headers against a loopback server", .serialized)
struct OptionalHeaderDetectionTests {
    static let spec = #"""
        {"openapi": "3.0.3", "info": {"title": "headers", "version": "1"},
         "paths": {"/items": {"get": {"operationId": "listItems",
           "parameters": [{"name": "X-Page-Size", "in": "header", "required": false,
                           "schema": {"type": "integer", "minimum": 1, "maximum": 100}}],
           "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}},
                         "400": {"description": "bad", "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}
        """#

    func run(serverError: Bool) async throws -> RunReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgate-headers-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("openapi.json").path
        try Data(Self.spec.utf8).write(to: URL(fileURLWithPath: path))
        let server = try await MethodServer.start(
            routes: [(path: "/items", methods: ["GET"])], behaviour: .conformant, integerHeader: "X-Page-Size",
            serverErrorOnBadHeader: serverError)
        do {
            let options = RunOptions(
                path: path, baseURL: server.url, seed: 1, concurrency: 2, timeoutSeconds: 5, retries: 0)
            let report = try await RunExecutor.execute(try RunPreparation.prepare(options))
            await server.stop()
            return report
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test("conformant fixture: no findings")
    func conformant() async throws {
        let report = try await run(serverError: false)
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
    }

    @Test("a malformed optional header answered 500 is a not_a_server_error failure")
    func serverError() async throws {
        let report = try await run(serverError: true)
        #expect(report.exitCode == 1)
        let hits = report.failures.filter {
            $0.check == "not_a_server_error" && $0.mutation == "optional-header-invalid"
        }
        #expect(hits.count == 1)
        #expect(
            report.failures.allSatisfy { $0.mutation == "optional-header-invalid" }, "\(report.failures.map(\.message))"
        )
    }
}
