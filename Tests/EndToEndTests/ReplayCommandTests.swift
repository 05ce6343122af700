import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `specgate replay` through the built binary: a faulty run's report re-sent to a fresh faulty sandbox
/// (still failing, exit 1) and to a conformant one (fixed, exit 0); the key only ever in the environment.
@Suite("replay command", .serialized)
struct ReplayCommandTests {

    /// The key and every 8-character window of it (a partial leak counts).
    static func leaks(_ text: String, key: String) -> Bool {
        let characters = Array(key)
        return (0...(characters.count - 8)).contains { text.contains(String(characters[$0..<($0 + 8)])) }
    }

    @Test func replayFaultyThenConformant() async throws {
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-replay")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let faulty = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet]))
        let key = faulty.seed.owner.apiKey
        let env = ["CAL_API_KEY": key, "NO_COLOR": "1"]
        let run = try await SpecGateProcess.run(
            [
                "run", "specs/calcom/suite.yaml", "--base-url", faulty.baseURL, "--max-cases", "4",
                "--junit", folder + "/junit.xml", "--json", folder + "/report.json", "--export", "http", "--export",
                "har",
            ],
            environment: env)
        try await faulty.stop()
        #expect(run.status == 1, "\(run.stderr)")
        // Repro files next to the JSON report, no secret in them.
        for name in ["/failures.http", "/failures.har"] {
            let text = try String(contentsOfFile: folder + name, encoding: .utf8)
            #expect(!Self.leaks(text, key: key), "\(name)")
            #expect(run.stdout.contains(folder + name))
        }
        let report = try BaselineFile.loadReport(folder + "/report.json")
        #expect(report.findings.count >= 16)
        let reportText = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        #expect(!Self.leaks(reportText, key: key))
        #expect(reportText.contains("$CAL_API_KEY"))

        // A fresh faulty sandbox: the stored booking uids do not exist there; fresh ones are made.
        let again = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet]))
        let stillFailing = try await SpecGateProcess.run(
            [
                "replay", folder + "/report.json", "--base-url", again.baseURL,
                "--json", folder + "/replay-faulty.json", "--junit", folder + "/replay-faulty.xml",
            ],
            environment: env)
        try await again.stop()
        #expect(stillFailing.status == 1, "\(stillFailing.stdout)\n\(stillFailing.stderr)")
        let faultyJSON = try JSONParser().parse(
            [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/replay-faulty.json"))))
        let faultyResults = faultyJSON["results"]?.arrayValue ?? []
        #expect(faultyResults.count == report.findings.count)
        #expect(faultyResults.allSatisfy { $0["outcome"]?.stringValue == "still-failing" }, "\(stillFailing.stdout)")
        #expect(
            faultyResults.contains {
                ($0["links"]?.stringValue ?? "").contains("fresh BookingsController_2024_08_13_createBooking")
            })
        #expect(stillFailing.stdout.contains("STILL FAILING response_schema_conformance"))

        // Only one finding, by fingerprint.
        let one = try #require(report.findings.first?.fingerprint)
        let single = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet]))
        let onlyOne = try await SpecGateProcess.run(
            ["replay", folder + "/report.json", "--base-url", single.baseURL, "--finding", one], environment: env)
        try await single.stop()
        #expect(onlyOne.status == 1)
        #expect(onlyOne.stdout.contains("1 replayed: 0 fixed, 1 still failing"))

        // The conformant sandbox: every finding fixed, exit 0.
        let conformant = try await Sandbox.start(SandboxConfiguration())
        let fixed = try await SpecGateProcess.run(
            [
                "replay", folder + "/report.json", "--base-url", conformant.baseURL,
                "--json", folder + "/replay-fixed.json", "--junit", folder + "/replay-fixed.xml",
            ],
            environment: env)
        try await conformant.stop()
        #expect(fixed.status == 0, "\(fixed.stdout)\n\(fixed.stderr)")
        #expect(
            fixed.stdout.contains(
                "\(report.findings.count) replayed: \(report.findings.count) fixed, 0 still failing, 0 not reproducible"
            ))

        // No secret anywhere; the JUnit files validate.
        for path in ["/replay-faulty.json", "/replay-faulty.xml", "/replay-fixed.json", "/replay-fixed.xml"] {
            let text = try String(contentsOfFile: folder + path, encoding: .utf8)
            #expect(!Self.leaks(text, key: key), "\(path)")
        }
        for output in [stillFailing, onlyOne, fixed] {
            #expect(!Self.leaks(output.stdout + output.stderr, key: key))
        }
        for path in ["/replay-faulty.xml", "/replay-fixed.xml"] {
            let xml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + path)))
            #expect(try JUnitSchemas.violations(of: xml) == [])
        }
        let faultyXML = try String(contentsOfFile: folder + "/replay-faulty.xml", encoding: .utf8)
        #expect(faultyXML.contains("<failure"))
    }

    @Test func unknownFingerprintIsAUsageError() async throws {
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-replay")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = RunReport(
            toolVersion: "t", suite: "calcom", specTitle: "t", baseURL: "http://127.0.0.1:9", seed: 1,
            startedAt: "2026-01-01T00:00:00Z",
            durationMilliseconds: 1, checks: [], operations: [], findings: [], requests: 0, transportErrors: 0)
        _ = try ReportWriter.write(report, junitPath: folder + "/j.xml", jsonPath: folder + "/r.json")
        let result = try await SpecGateProcess.run(["replay", folder + "/r.json", "--finding", "0123456789abcdef"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no finding 0123456789abcdef"))
    }
}
