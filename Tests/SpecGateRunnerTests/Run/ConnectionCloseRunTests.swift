import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// Servers that close kept-alive connections without `Connection: close` (after every answer, after
/// each 5xx like uvicorn, after a random idle time, or as soon as a connection is reused): a full
/// Cal.com suite run against each, repeated, has no transport error, and its reports are valid. What the
/// transport re-sent under the stale-connection rule shows in the notes.
@Suite(.serialized) struct ConnectionCloseRunTests {
    static let repetitions = 20

    /// Runs the suite `repetitions` times against a sandbox with `behaviour`; returns the stale re-sends counted.
    static func repeatedRuns(
        _ behaviour: SandboxConnectionBehaviour, faults: Set<SandboxFault> = []
    ) async throws -> (staleRetries: Int, requests: Int, findings: Int) {
        var stale = 0
        var requests = 0
        var findings = 0
        for round in 0..<repetitions {
            let report = try await RunHarness.run(faults: faults, connection: behaviour) { options in
                options.seed = UInt64(round + 1)
                options.validCasesPerOperation = 40
                options.maxCasesPerOperation = 60
                options.concurrency = 8
            }
            #expect(
                report.transportErrors == 0, "\(behaviour) round \(round): \(report.errors.prefix(3).map(\.message))")
            #expect(!report.incomplete)
            stale += report.notes.compactMap(Self.staleCount).reduce(0, +)
            requests += report.requests
            findings += report.findings.count
            for finding in report.findings.prefix(3) {
                print("connection \(behaviour): \(finding.operationID) \(finding.check): \(finding.message)")
            }
            if round == 0 { try Self.checkReports(report) }
        }
        print(
            "connection \(behaviour): \(repetitions) runs, \(requests) requests, \(stale) stale re-sends, \(findings) findings"
        )
        return (stale, requests, findings)
    }

    /// The count in a "stale connections: N request(s) …" note.
    static func staleCount(_ note: String) -> Int? {
        guard note.hasPrefix("stale connections: ") else { return nil }
        return Int(note.dropFirst("stale connections: ".count).prefix { $0.isNumber })
    }

    static func checkReports(_ report: RunReport) throws {
        let folder = NSTemporaryDirectory() + "specgate-close-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try ReportWriter.write(
            report, junitPath: folder + "/junit.xml", jsonPath: folder + "/report.json")
        let xml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: written.junitPath)))
        #expect(try JUnitSchemas.violations(of: xml) == [])
        let json = try JSONParser().parse([UInt8](Data(contentsOf: URL(fileURLWithPath: written.jsonPath))))
        #expect(json["summary"]?["errors"]?.intValue == 0)
    }

    @Test("a server that closes after every answer: no transport error, no finding")
    func closeAfterEveryAnswer() async throws {
        let result = try await Self.repeatedRuns(.closeAfterEveryAnswer)
        #expect(result.findings == 0)
    }

    @Test("a server that closes after each 5xx only (uvicorn): no transport error")
    func closeAfterServerError() async throws {
        // The fault answers invalid bodies with 500: those are findings, the closes after them are not.
        let result = try await Self.repeatedRuns(.closeAfterServerError, faults: [.serverErrorOnInvalidBody])
        #expect(result.findings > 0)
    }

    @Test("a server that drops kept-alive connections after 20-200 ms idle: no transport error, no finding")
    func dropWhenIdle() async throws {
        let result = try await Self.repeatedRuns(.dropWhenIdle)
        #expect(result.findings == 0)
    }

    @Test("a server that closes a connection when it is reused: every reuse is re-sent once, and noted")
    func closeOnReuse() async throws {
        let result = try await Self.repeatedRuns(.closeOnReuse)
        #expect(result.findings == 0)
        #expect(result.staleRetries > 0, "the stale-connection rule re-sent requests")
    }
}

/// A run whose environment names a proxy goes through it: the target's host name does not resolve, so
/// only the proxy (which connects to 127.0.0.1 on the URL's port) can reach the sandbox.
@Suite struct ProxyRunTests {
    @Test("HTTP_PROXY from the run's environment carries every request")
    func runThroughTheEnvironmentsProxy() async throws {
        let proxy = try await TestProxy.start()
        let report = try await RunHarness.run { options in
            let port = options.baseURL?.split(separator: ":").last.map(String.init) ?? ""
            options.baseURL = "http://calcom-sandbox.invalid:\(port)"
            options.environment["HTTP_PROXY"] = proxy.url
            options.operations = ["BookingsController_2024_08_13_getBookings"]
            options.maxCasesPerOperation = 6
        }
        let log = proxy.snapshot
        await proxy.stop()
        #expect(report.transportErrors == 0, "\(report.errors.map(\.message))")
        #expect(report.requests > 0)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(!log.requestLines.isEmpty)
        #expect(log.requestLines.allSatisfy { $0.hasPrefix("GET http://calcom-sandbox.invalid:") })
    }
}
