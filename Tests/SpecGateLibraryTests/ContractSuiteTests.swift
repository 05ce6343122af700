import Foundation
import SpecGate
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// The `SpecGate` library against the in-process Cal.com sandbox: load (file, memory), plan, run, reports.
@Suite("SpecGate library", .serialized)
struct ContractSuiteTests {
    static var calcom: String { PackageRoot.path("specs/calcom") }

    static let getBooking = "BookingsController_2024_08_13_getBooking"

    static func options(_ key: String, operations: [String] = []) -> RunConfiguration {
        var options = RunConfiguration(
            seed: 1, maxCasesPerOperation: 8, operations: operations, environment: ["CAL_API_KEY": key])
        options.concurrency = 4
        options.retries = 0
        options.timeoutSeconds = 5
        return options
    }

    @Test func fileRunGivesTypedResultsAndWritesTheReportsAskedFor() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let folder = NSTemporaryDirectory() + "specgate-library-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let suite = try ContractSuite(file: Self.calcom + "/suite.yaml")
        #expect(suite.name == "calcom")
        #expect(suite.operations.contains { $0.id == Self.getBooking && $0.method == "GET" })
        var options = Self.options(sandbox.seed.owner.apiKey, operations: [Self.getBooking])
        options.junitPath = folder + "/junit.xml"
        options.jsonPath = folder + "/report.json"
        let run: ContractRun
        do {
            run = try await suite.run(against: sandbox.baseURL, options: options)
            try await sandbox.stop()
        } catch {
            try? await sandbox.stop()
            throw error
        }
        #expect(run.passed, "\(run.findings.map(\.description))")
        let outcome = try #require(run.operation(Self.getBooking))
        #expect(outcome.passed && outcome.validCases > 0 && outcome.invalidCases > 0)
        #expect(outcome.check("status_code_conformance")?.status == .passed)
        #expect(FileManager.default.fileExists(atPath: folder + "/junit.xml"))
        let json = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        #expect(json.contains(Self.getBooking) && !json.contains(sandbox.seed.owner.apiKey))
    }

    @Test func aFaultIsAFindingWithMessageAndCurlNotAThrow() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet]))
        let suite = try ContractSuite(file: Self.calcom + "/suite.yaml")
        let run: ContractRun
        do {
            run = try await suite.run(against: sandbox.baseURL, options: Self.options(sandbox.seed.owner.apiKey))
            try await sandbox.stop()
        } catch {
            try? await sandbox.stop()
            throw error
        }
        #expect(!run.passed)
        let finding = try #require(run.findings.first { $0.kind == .failure })
        #expect(finding.curl.hasPrefix("curl ") && finding.curl.contains("$CAL_API_KEY"))
        #expect(finding.description.contains(finding.message) && finding.description.contains("reproduce: curl "))
        #expect(run.operations.contains { !$0.passed && $0.checks.contains { $0.status == .failed } })
    }

    /// The same suite given as bytes (no file read) plans the same requests and runs clean.
    @Test func inMemorySuitePlansAndRunsLikeTheFiles() async throws {
        var documents: [String: [UInt8]] = [:]
        for name in ["suite.yaml", "openapi-v2.json", "overlay.yaml"] {
            documents[name] = Array(try Data(contentsOf: URL(fileURLWithPath: Self.calcom + "/" + name)))
        }
        let memory = try ContractSuite(documents: documents, root: "suite.yaml")
        let file = try ContractSuite(file: Self.calcom + "/suite.yaml")
        let options = Self.options("cal_memory_key")
        let planned = try memory.plan(against: "http://127.0.0.1:1", options: options)
        #expect(planned.count > 50)
        #expect(planned.map(\.curl) == (try file.plan(against: "http://127.0.0.1:1", options: options)).map(\.curl))
        #expect(planned.allSatisfy { !$0.curl.contains("cal_memory_key") })
        #expect(planned.contains { $0.workflow != nil })

        let spec = try ContractSuite(spec: try #require(documents["openapi-v2.json"]), name: "openapi.json")
        #expect(spec.operations.count > memory.operations.count)
        #expect(throws: SpecGateError.self) { try ContractSuite(documents: documents, root: "missing.yaml") }

        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let run: ContractRun
        do {
            run = try await memory.run(
                against: sandbox.baseURL,
                options: Self.options(sandbox.seed.owner.apiKey, operations: [Self.getBooking]))
            try await sandbox.stop()
        } catch {
            try? await sandbox.stop()
            throw error
        }
        #expect(run.passed, "\(run.findings.map(\.description))")
    }
}
