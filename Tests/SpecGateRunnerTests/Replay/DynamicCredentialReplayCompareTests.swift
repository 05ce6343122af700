import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `replay` and `compare` with credentials obtained at run time (`command`, `oauth2`, `login`), set up as
/// `run` does (`RunTransport.make`): tokens of 2 seconds from the sandbox's test-only endpoints.
@Suite("replay and compare with dynamic credentials", .serialized)
struct DynamicCredentialReplayCompareTests {
    static let operations = [
        CompareExecutorTests.getBooking, CompareExecutorTests.getBookings, CompareExecutorTests.createBooking,
    ]

    static var hasCurl: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") }

    /// The `auth` block for `source`; `command` and `oauth2` get tokens from `idp`, `login` logs in at the target.
    static func auth(_ source: String, idp: RunningSandbox) -> String {
        switch source {
        case "command": return CredentialSourceTests.commandAuth(idp.baseURL)
        case "oauth2": return CredentialSourceTests.oauthAuth(idp.baseURL + SandboxTestTokens.path)
        default: return LoginCredentialTests.loginAuth("url: \(SandboxTestTokens.loginPath)")
        }
    }

    static func environment(_ idp: RunningSandbox) -> [String: String] {
        CredentialSourceTests.oauthEnv.merging(LoginCredentialTests.loginEnv(idp)) { $1 }
    }

    static func sandbox(_ faults: Set<SandboxFault> = []) async throws -> RunningSandbox {
        var configuration = SandboxConfiguration(faults: faults)
        configuration.tokenLifetime = .seconds(2)
        return try await Sandbox.start(configuration)
    }

    @Test(
        "replay re-obtains the credential: a faulty run's findings are still failing on a fresh faulty sandbox",
        arguments: ["command", "oauth2", "login"])
    func replay(source: String) async throws {
        if source == "command" && !Self.hasCurl { return }
        let idp = try await Self.sandbox()
        let faulty = try await Self.sandbox([.enumOutOfSet])
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-replay-auth")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let suite = try CredentialSourceTests.suite(auth: Self.auth(source, idp: idp))
        var options = RunOptions(
            path: suite, baseURL: faulty.baseURL, seed: 1, maxCasesPerOperation: 4, concurrency: 2, timeoutSeconds: 5,
            retries: 0,
            environment: Self.environment(idp))
        options.operations = Self.operations
        let report = try await RunExecutor.execute(try RunPreparation.prepare(options))
        try await faulty.stop()
        #expect(report.findings.contains { $0.check == "response_schema_conformance" }, "\(source): the fault is found")
        let reportPath = folder + "/report.json"
        try ReportWriter.writeJSON(report, toPath: reportPath)
        let text = try String(contentsOfFile: reportPath, encoding: .utf8)
        #expect(!text.contains(SandboxTestTokens.tokenPrefix), "\(source): no token in the report")

        // Past the first tokens' lifetime: replay obtains its own.
        try await Task.sleep(for: .seconds(2))
        let again = try await Self.sandbox([.enumOutOfSet])
        let (replayed, _) = try await ReplayExecutor.execute(
            ReplayOptions(
                reportPath: reportPath, baseURL: again.baseURL, environment: Self.environment(idp), timeoutSeconds: 5))
        try await again.stop()
        try await idp.stop()
        #expect(!replayed.results.isEmpty)
        // Without the credential the sandbox answers 401 (an error envelope the fault does not touch): "fixed".
        #expect(
            replayed.results.allSatisfy { $0.outcome == .stillFailing },
            "\(source): \(replayed.results.map { "\($0.outcome.rawValue) \($0.status ?? 0) \($0.detail)" }.prefix(4))")
        #expect(!replayed.notes.contains { $0.contains("refreshing the token failed") }, "\(replayed.notes)")
    }

    @Test(
        "compare gets a credential per target and refreshes it: over three 2 s lifetimes only the fault differs",
        arguments: ["command", "oauth2", "login"])
    func compare(source: String) async throws {
        if source == "command" && !Self.hasCurl { return }
        let idp = try await Self.sandbox()
        let a = try await Self.sandbox()
        let b = try await Self.sandbox([.enumOutOfSet])
        let suite = try CredentialSourceTests.suite(auth: Self.auth(source, idp: idp))
        var options = RunOptions(
            path: suite, baseURL: a.baseURL, seed: 1, maxCasesPerOperation: 8, concurrency: 2, timeoutSeconds: 5,
            rateLimit: 5, retries: 0,
            environment: Self.environment(idp))
        options.operations = Self.operations
        let report = try await CompareExecutor.execute(
            try RunPreparation.prepare(options), baseURLA: a.baseURL, baseURLB: b.baseURL)
        try await a.stop()
        try await b.stop()
        try await idp.stop()
        #expect(report.durationMilliseconds > 6000, "the comparison must outlast three token lifetimes")
        let kinds = report.differing.flatMap { $0.differences.map(\.kind) }
        #expect(
            !kinds.contains(.statusClass),
            "\(source): no 401 on either side: \(report.differing.prefix(3).map { $0.differences.map(\.message) })")
        #expect(
            report.differing.contains {
                $0.differences.contains { $0.message == "/status: enum values A \"success\", B \"succeeded\"" }
            },
            "\(source): the fault on B is a difference")
        #expect(report.notes.contains { $0.hasPrefix("A: auth: the token was refreshed") }, "\(report.notes)")
        #expect(report.notes.contains { $0.hasPrefix("B: auth: the token was refreshed") }, "\(report.notes)")
    }
}
