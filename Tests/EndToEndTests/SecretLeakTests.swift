import Foundation
import SpecGateTestSupport
import SpecGateSandbox
import Testing

/// The credential never appears in any output: console, stderr, JUnit, JSON, curl commands — for
/// `run` (with findings, so every finding path renders), `plan` and `lint`.
@Suite("Secrets stay masked", .serialized)
struct SecretLeakTests {
    @Test func runPlanAndLintNeverPrintTheToken() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet, .acceptInvalidBody]))
        let key = sandbox.seed.owner.apiKey
        let folder = NSTemporaryDirectory() + "specgate-secrets-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = ["CAL_API_KEY": key, "NO_COLOR": "1"]

        let run = try SpecGateProcess.run(
            [
                "run", "specs/calcom/suite.yaml", "--base-url", sandbox.baseURL, "--junit", folder + "/junit.xml",
                "--json", folder + "/report.json", "--max-cases", "8",
            ], environment: env)
        try await sandbox.stop()
        #expect(run.status == 1, "faults must be found: \(run.stdout.suffix(500))")
        #expect(run.stdout.contains("reproduce: curl"))
        #expect(run.stdout.contains("\"$CAL_API_KEY\""), "curl commands use the placeholder")
        let plan = try SpecGateProcess.run(["plan", "specs/calcom/suite.yaml", "--max-cases", "3"], environment: env)
        #expect(plan.status == 0)
        let lint = try SpecGateProcess.run(["lint", "specs/calcom/suite.yaml", "--json", folder + "/lint.json"], environment: env)

        var outputs: [(String, String)] = [
            ("run stdout", run.stdout), ("run stderr", run.stderr), ("plan stdout", plan.stdout),
            ("plan stderr", plan.stderr), ("lint stdout", lint.stdout), ("lint stderr", lint.stderr),
        ]
        for file in ["junit.xml", "report.json", "lint.json"] {
            outputs.append((file, try String(contentsOfFile: folder + "/" + file, encoding: .utf8)))
        }
        for (name, text) in outputs {
            #expect(!text.contains(key), "\(name) leaks the API key")
            #expect(!text.contains(String(key.dropFirst(4))), "\(name) leaks part of the API key")
        }
        // The report still says where the credential went.
        let report = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        #expect(report.contains("Bearer $CAL_API_KEY"))
    }
}
