import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `specgate run --shard`, `merge`, `baseline accept` and `run --baseline` through the built binary,
/// against an in-process sandbox with a contract fault.
@Suite("baseline accept and merge commands", .serialized)
struct BaselineMergeCommandTests {
    @Test func shardMergeAcceptAndBaselinedRun() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet]))
        let folder = NSTemporaryDirectory() + "specgate-gate-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = ["CAL_API_KEY": sandbox.seed.owner.apiKey, "NO_COLOR": "1"]
        func run(_ extra: [String], _ name: String) async throws -> SpecGateProcess {
            try await SpecGateProcess.run(
                [
                    "run", "specs/calcom/suite.yaml", "--base-url", sandbox.baseURL, "--max-cases", "4",
                    "--junit", folder + "/\(name).xml", "--json", folder + "/\(name).json",
                ] + extra, environment: env)
        }
        let shard1 = try await run(["--shard", "1/2"], "s1")
        let shard2 = try await run(["--shard", "2/2"], "s2")
        let badShard = try await run(["--shard", "3/2"], "bad")
        #expect(badShard.status != 0 && badShard.stderr.contains("--shard"))

        let merge = try await SpecGateProcess.run(
            [
                "merge", folder + "/s1.json", folder + "/s2.json", "--junit", folder + "/merged.xml", "--json",
                folder + "/merged.json",
            ],
            environment: env)
        #expect(merge.status == 1, "the fault's findings fail the merged run: \(merge.stderr)")
        let parts = try [BaselineFile.loadReport(folder + "/s1.json"), BaselineFile.loadReport(folder + "/s2.json")]
        let merged = try BaselineFile.loadReport(folder + "/merged.json")
        #expect(parts.map { $0.shard?.description } == ["1/2", "2/2"])
        #expect(Set(merged.operations.map(\.operationID)) == Set(parts.flatMap(\.operations).map(\.operationID)))
        #expect(merged.requests == parts[0].requests + parts[1].requests)
        #expect(Set(merged.findings.map(\.fingerprint)) == Set(parts.flatMap(\.findings).map(\.fingerprint)))
        #expect(!merged.findings.isEmpty)
        #expect(Int32(shard1.status) == Int32(parts[0].exitCode) && shard2.status == parts[1].exitCode)
        let junit = try String(contentsOfFile: folder + "/merged.xml", encoding: .utf8)
        #expect(junit.components(separatedBy: "<testsuite ").count - 1 == merged.operations.count)

        // accept without -o: baseline.yaml next to the report's suite.
        var root = RunReportJSON.encode(merged).objectValue ?? JSONObject()
        root["suitePath"] = .string(folder + "/suite.yaml")
        try Data(JSONWriter.pretty(.object(root)).utf8).write(to: URL(fileURLWithPath: folder + "/moved.json"))
        let accept = try await SpecGateProcess.run([
            "baseline", "accept", folder + "/moved.json", "--reason", "known defect", "--expires", "2099-12-31",
        ])
        #expect(accept.status == 0, "\(accept.stderr)")
        let baseline = try BaselineFile.load(folder + "/baseline.yaml")
        #expect(Set(baseline.entries.map(\.fingerprint)) == Set(merged.findings.map(\.fingerprint)))
        #expect(baseline.entries.allSatisfy { $0.reason == "known defect" && $0.expires == "2099-12-31" })
        let badDate = try await SpecGateProcess.run(["baseline", "accept", folder + "/moved.json", "--expires", "soon"])
        #expect(badDate.status != 0)

        let baselined = try await run(["--baseline", folder + "/baseline.yaml"], "based")
        // The same run unsharded: the same findings as the merged shards.
        let whole = try await run([], "whole")
        try await sandbox.stop()
        #expect(whole.status == 1)
        #expect(
            Set(try BaselineFile.loadReport(folder + "/whole.json").findings.map(\.fingerprint))
                == Set(merged.findings.map(\.fingerprint)))
        #expect(baselined.status == 0, "baselined findings do not fail: \(baselined.stdout.suffix(800))")
        #expect(baselined.stdout.contains("BASELINED"))
        let report = try BaselineFile.loadReport(folder + "/based.json")
        #expect(report.baseline?.path == folder + "/baseline.yaml")
        #expect(report.failures.isEmpty && !report.baselinedFindings.isEmpty)

        // A second fault: the baselined run fails again, naming only the new finding.
        let twoFaults = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet, .missingRequiredField]))
        let again = try await SpecGateProcess.run(
            [
                "run", "specs/calcom/suite.yaml", "--base-url", twoFaults.baseURL, "--max-cases", "4", "--baseline",
                folder + "/baseline.yaml",
                "--junit", folder + "/again.xml", "--json", folder + "/again.json",
            ], environment: ["CAL_API_KEY": twoFaults.seed.owner.apiKey, "NO_COLOR": "1"])
        try await twoFaults.stop()
        #expect(again.status == 1, "\(again.stdout.suffix(800))")
        let newReport = try BaselineFile.loadReport(folder + "/again.json")
        let accepted = Set(baseline.entries.map(\.fingerprint))
        #expect(!newReport.failures.isEmpty)
        #expect(
            newReport.failures.allSatisfy {
                !accepted.contains($0.fingerprint) && $0.check == "response_schema_conformance"
                    && $0.message.contains("required")
            })
        #expect(Set(newReport.baselinedFindings.map(\.fingerprint)) == accepted)
        for failure in newReport.failures { #expect(again.stdout.contains(failure.operationID)) }
    }
}
