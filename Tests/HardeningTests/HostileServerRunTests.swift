import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateJUnit
import SpecGateRunner
import SpecGateTestSupport
import Testing

/// The hostile server through the real pipeline (`RunPreparation` → `RunExecutor` → `ReportWriter`): every
/// behaviour becomes an error or a failure on its own operation, the run completes, the reports are valid.
@Suite(.serialized) struct HostileServerRunTests {
    static let maxResponseBytes = 1 << 20

    static func options(_ suite: String, baseURL: String, retries: Int) -> RunOptions {
        var options = RunOptions(
            path: suite, baseURL: baseURL, seed: 1, maxCasesPerOperation: 1, includeInvalid: false, concurrency: 12,
            timeoutSeconds: 1, retries: retries, maxResponseBytes: maxResponseBytes,
            environment: ["HOSTILE_TOKEN": HostileHTTPFixture.token])
        options.validCasesPerOperation = 1
        return options
    }

    /// Findings of one operation.
    static func findings(_ report: RunReport, _ operation: String) -> [Finding] {
        report.findings.filter { $0.operationID == operation }
    }

    /// Writes both reports, checks them (well-formed, valid against both XSDs, JSON decodes) and returns their text.
    static func writeAndValidate(_ report: RunReport) throws -> (junit: String, json: String) {
        let files = try HostileFiles()
        defer { files.remove() }
        let written = try ReportWriter.write(
            report, junitPath: files.folder + "/junit.xml", jsonPath: files.folder + "/report.json")
        let xml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: written.junitPath)))
        #expect(JUnitReader.wellFormednessErrors(xml).isEmpty)
        #expect(try JUnitSchemas.violations(of: xml) == [])
        let jsonBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: written.jsonPath)))
        let decoded = try RunReportJSONDecoder(file: written.jsonPath).decode(bytes: jsonBytes)
        #expect(decoded.findings.count == report.findings.count)
        #expect(decoded.exitCode == report.exitCode)
        return (String(decoding: xml, as: UTF8.self), String(decoding: jsonBytes, as: UTF8.self))
    }

    @Test func everyBehaviourIsAFindingOnItsOwnOperation() async throws {
        let server = try await HostileServer.start()
        let files = try HostileFiles()
        defer { files.remove() }
        let suite = try HostileHTTPFixture.write(to: files)
        let report: RunReport
        do {
            report = try await RunExecutor.execute(
                try RunPreparation.prepare(Self.options(suite, baseURL: server.baseURL, retries: 2)))
        } catch {
            await server.stop()
            throw error
        }
        // Let any (wrong) retry of the POST arrive before counting.
        try await Task.sleep(for: .milliseconds(300))
        let seen = server.snapshot
        await server.stop()

        #expect(!report.incomplete)
        #expect(report.exitCode == 1)
        #expect(report.requests == HostileHTTPFixture.operations.count)
        for finding in report.findings {
            print("hostile: \(finding.operationID) \(finding.check) \(finding.kind): \(finding.message)")
        }

        func transport(_ operation: String, _ mentions: String) {
            let found = Self.findings(report, operation)
            #expect(found.count == 1, "\(operation): \(found.map(\.message))")
            #expect(
                found.allSatisfy { $0.check == "transport" && $0.kind == .error && $0.message.contains(mentions) },
                "\(operation): \(found.map(\.message))")
        }
        func failure(_ operation: String, _ check: String, _ mentions: String) {
            let found = Self.findings(report, operation)
            #expect(
                found.contains { $0.check == check && $0.kind == .failure && $0.message.contains(mentions) },
                "\(operation): \(found.map(\.message))")
            #expect(found.allSatisfy { $0.kind == .failure }, "\(operation): \(found.map(\.message))")
        }
        transport("resetMidBody", "connectionReset")
        transport("neverCompletes", "timeout")
        transport("truncatedBody", "connectionReset")
        transport("hugeBody", "cut at \(Self.maxResponseBytes) bytes")
        transport("controlHeaders", "invalidResponse")
        transport("slowDrip", "timeout")
        transport("postHang", "timeout")
        failure("invalidUTF8", "response_schema_conformance", "not valid JSON")
        failure("notJSON", "response_schema_conformance", "not valid JSON")
        failure("redirectLoop", "status_code_conformance", "302")
        failure("echoAuthorization", "response_schema_conformance", "id")
        // The server did echo the credential (masked in the excerpt and headers).
        let echoed = Self.findings(report, "echoAuthorization").first?.response
        #expect(echoed?.bodyExcerpt?.contains("Bearer ") == true, "\(String(describing: echoed?.bodyExcerpt))")
        #expect(echoed?.headers.contains { $0.name == "X-Echo-Authorization" && $0.value.hasPrefix("Bearer ") } == true)
        #expect(Self.findings(report, "conformant").isEmpty)

        // Retries: the GETs that reset or time out were sent three times, the POST that timed out once.
        #expect(seen.count("GET", "/reset") == 3)
        #expect(seen.count("GET", "/hang") == 3)
        #expect(seen.count("GET", "/truncated") == 3)
        #expect(seen.count("GET", "/control-headers") == 1, "an invalid response is not retried")
        #expect(seen.count("POST", "/post-hang") == 1)
        #expect(
            Self.findings(report, "postHang").first?.message.contains("not retried: POST is not idempotent") == true)
        #expect(Self.findings(report, "neverCompletes").first?.message.contains("after 3 attempts") == true)
        #expect(report.notes.contains { $0.hasPrefix("retries: ") })

        // 50 MB were offered; the transport stopped reading near the limit, so the server could not deliver them.
        #expect(seen.hugeCompleted == 0)
        #expect(seen.hugeBytesDelivered < HostileServer.hugeSize / 2, "delivered \(seen.hugeBytesDelivered)")
        print(
            "hostile: /huge bytes accepted by the client before it closed: \(seen.hugeBytesDelivered) of \(HostileServer.hugeSize)"
        )

        let (junit, json) = try Self.writeAndValidate(report)
        let console = ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(report)
        for (name, text) in [("junit", junit), ("json", json), ("console", console)] {
            #expect(!text.contains(HostileHTTPFixture.token), "\(name) leaks the token")
        }
    }

    @Test func refusedConnectionsRetryEveryMethodAndExitThree() async throws {
        let port = try await HostileServer.closedPort()
        let files = try HostileFiles()
        defer { files.remove() }
        let suite = try HostileHTTPFixture.write(to: files)
        let report = try await RunExecutor.execute(
            try RunPreparation.prepare(Self.options(suite, baseURL: "http://127.0.0.1:\(port)", retries: 1)))
        #expect(report.transportErrors == report.requests)
        #expect(report.exitCode == 3)
        #expect(report.errors.count == HostileHTTPFixture.operations.count)
        // A refused POST never reached the server, so it is retried like a GET.
        for finding in report.errors {
            #expect(
                finding.message.hasPrefix("connectionRefused") && finding.message.contains("after 2 attempts"),
                "\(finding.message)")
        }
        _ = try Self.writeAndValidate(report)
    }
}
