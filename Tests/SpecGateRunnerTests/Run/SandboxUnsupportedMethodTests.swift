import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import Testing

/// `unsupported_method` against the sandbox, with the Cal.com suite minus its `unsupported_method` exception
/// (an RFC 9110 variant written in the test): the sandbox in `--unrouted-method 405` mode (405 with a correct
/// Allow: conformant) gives 0 findings; the `method_not_allowed_without_allow` fault and the default Express
/// 404 (Cal.com's real behaviour, which the real suite documents as an exception) are both reported.
@Suite("unsupported_method against the sandbox (RFC 9110 suite)", .serialized)
struct SandboxUnsupportedMethodTests {
    /// The Cal.com suite with absolute spec and overlay paths and without the `unsupported_method` exception.
    static func rfc9110Suite(in directory: URL) throws -> String {
        let calcom = RunHarness.packageRoot + "/specs/calcom/"
        var text = try String(contentsOfFile: calcom + "suite.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "spec: openapi-v2.json", with: "spec: " + calcom + "openapi-v2.json")
        text = text.replacingOccurrences(of: "overlays: [overlay.yaml]", with: "overlays: [" + calcom + "overlay.yaml]")
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains("- check: unsupported_method") }) else {
            throw SuiteEditError()
        }
        lines.removeSubrange(index...(index + 1))
        let path = directory.appendingPathComponent("suite-rfc9110.yaml").path
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    struct SuiteEditError: Error {}

    func run(faults: Set<SandboxFault> = [], unrouted: SandboxUnroutedMethod) async throws -> RunReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgate-rfc9110-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = SandboxConfiguration(faults: faults)
        configuration.unroutedMethod = unrouted
        let sandbox = try await Sandbox.start(configuration)
        do {
            let options = RunOptions(
                path: try Self.rfc9110Suite(in: directory), baseURL: sandbox.baseURL, seed: 1, concurrency: 4,
                timeoutSeconds: 5,
                retries: 0,
                environment: [
                    "CAL_API_KEY": RunHarness.ownerKey, "CAL_OUTSIDER_API_KEY": SandboxSeed.standard.outsider.apiKey,
                ])
            let report = try await RunExecutor.execute(try RunPreparation.prepare(options))
            try await sandbox.stop()
            return report
        } catch {
            try? await sandbox.stop()
            throw error
        }
    }

    /// Probes judged by `unsupported_method`, over all operations.
    static func judged(_ report: RunReport) -> Int {
        report.operations.flatMap { $0.checks.filter { $0.name == "unsupported_method" } }.map(\.judged).reduce(0, +)
    }

    @Test("405 with Allow (--unrouted-method 405): every served path probed, 0 findings")
    func conformant() async throws {
        let report = try await run(unrouted: .methodNotAllowed)
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        #expect(Self.judged(report) >= 10)
    }

    @Test("method_not_allowed_without_allow: unsupported_method reports 405 without Allow, and nothing else")
    func withoutAllow() async throws {
        let report = try await run(faults: [.methodNotAllowedWithoutAllow], unrouted: .methodNotAllowed)
        #expect(report.exitCode == 1)
        #expect(!report.failures.isEmpty)
        #expect(
            report.failures.allSatisfy {
                $0.check == "unsupported_method" && $0.message.contains("405 without an Allow header")
            },
            "\(report.failures.map { "\($0.check): \($0.message)" })")
    }

    @Test("Express's 404 (Cal.com's behaviour, the default) is reported once the suite's exception is removed")
    func expressNotFound() async throws {
        let report = try await run(unrouted: .notFound)
        #expect(report.exitCode == 1)
        #expect(!report.failures.isEmpty)
        #expect(
            report.failures.allSatisfy { $0.check == "unsupported_method" && $0.message.contains("answered 404") },
            "\(report.failures.map { "\($0.check): \($0.message)" })")
    }
}
