import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// Credentials obtained at run time (`auth.command`, `auth.oauth2`): fetched before the first request,
/// refreshed on expiry or 401 (the refused request re-sent once), never a finding; failures to obtain
/// one stop the run naming the suite line.
@Suite("Credential sources", .serialized)
struct CredentialSourceTests {
    /// The Cal.com suite with its `auth` block replaced, written to a temporary folder (spec and overlay by
    /// absolute path). Returns the suite path.
    static func suite(auth: String) throws -> String {
        let root = RunHarness.packageRoot + "/specs/calcom/"
        var text = try String(contentsOfFile: root + "suite.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "spec: openapi-v2.json", with: "spec: \(root)openapi-v2.json")
        text = text.replacingOccurrences(of: "overlays: [overlay.yaml]", with: "overlays: [\(root)overlay.yaml]")
        let original = "auth:\n  type: bearer\n  header: Authorization\n  env: CAL_API_KEY\n  prefix: cal_\n"
        #expect(text.contains(original))
        text = text.replacingOccurrences(of: original, with: auth)
        let folder = NSTemporaryDirectory() + "specgate-auth-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/suite.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let oauthEnv = [
        "SBX_CLIENT_ID": SandboxTestTokens.clientID, "SBX_CLIENT_SECRET": SandboxTestTokens.clientSecret,
    ]

    static func oauthAuth(_ tokenURL: String) -> String {
        """
        auth:
          type: bearer
          prefix: cal_
          oauth2:
            tokenURL: \(tokenURL)
            clientIdEnv: SBX_CLIENT_ID
            clientSecretEnv: SBX_CLIENT_SECRET
            scopes: [bookings]

        """
    }

    /// A shell command that asks the sandbox's test token endpoint for a token (curl) and prints it.
    static func commandAuth(_ baseURL: String, refresh: String = "") -> String {
        let script =
            "curl -s -d grant_type=client_credentials -d client_id=$SBX_CLIENT_ID -d client_secret=$SBX_CLIENT_SECRET \(baseURL)\(SandboxTestTokens.path) | sed -e 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/'"
        return """
            auth:
              type: bearer
              prefix: cal_
              command: [sh, -c, '\(script.replacingOccurrences(of: "'", with: "''"))']
            \(refresh)
            """
    }

    /// Runs `suitePath` against a sandbox whose tokens live `lifetime`, slowed to last over three lifetimes.
    static func run(_ suitePath: String, sandbox: RunningSandbox, environment: [String: String] = oauthEnv) async throws
        -> RunReport
    {
        let options = RunOptions(
            path: suitePath, baseURL: sandbox.baseURL, seed: 1, concurrency: 4, timeoutSeconds: 5, rateLimit: 25,
            retries: 0,
            environment: environment)
        return try await RunExecutor.execute(try RunPreparation.prepare(options))
    }

    static func shortLivedSandbox() async throws -> RunningSandbox {
        var configuration = SandboxConfiguration()
        configuration.tokenLifetime = .seconds(2)
        return try await Sandbox.start(configuration)
    }

    @Test("oauth2: a run over three 2 s token lifetimes has no finding; refreshes are noted")
    func oauth2RefreshesOnExpiry() async throws {
        let sandbox = try await Self.shortLivedSandbox()
        let suite = try Self.suite(auth: Self.oauthAuth(sandbox.baseURL + SandboxTestTokens.path))
        let report = try await Self.run(suite, sandbox: sandbox)
        try await sandbox.stop()
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        #expect(report.durationMilliseconds > 6000, "the run must outlast three token lifetimes")
        #expect(report.notes.contains { $0.hasPrefix("auth: the token was refreshed") }, "\(report.notes)")
        #expect(!report.notes.contains { $0.contains("refreshing the token failed") })
    }

    @Test("command: tokens that expire are refreshed on 401 and the request re-sent; no finding")
    func commandRefreshesOn401() async throws {
        guard ExternalTool.curl.require("the token command runs it") != nil else { return }
        let sandbox = try await Self.shortLivedSandbox()
        let suite = try Self.suite(auth: Self.commandAuth(sandbox.baseURL))
        let report = try await Self.run(suite, sandbox: sandbox)
        try await sandbox.stop()
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        #expect(report.durationMilliseconds > 6000)
        #expect(report.notes.contains { $0.hasPrefix("auth: the token was refreshed") }, "\(report.notes)")
        #expect(report.notes.contains { $0.contains("re-sent after a token refresh") }, "\(report.notes)")
    }

    @Test("command with refreshSeconds: refreshed before it expires")
    func commandRefreshSeconds() async throws {
        guard ExternalTool.curl.require("the token command runs it") != nil else { return }
        let sandbox = try await Self.shortLivedSandbox()
        let suite = try Self.suite(auth: Self.commandAuth(sandbox.baseURL, refresh: "  refreshSeconds: 1.5\n"))
        let report = try await Self.run(suite, sandbox: sandbox)
        try await sandbox.stop()
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        #expect(report.notes.contains { $0.hasPrefix("auth: the token was refreshed") }, "\(report.notes)")
    }

    /// Expects preparing and executing `suite` to stop with a `RunError` naming the suite file, line and pointer.
    static func expectStop(
        _ suite: String, baseURL: String, environment: [String: String], pointer: String, message: String
    ) async throws {
        let options = RunOptions(
            path: suite, baseURL: baseURL, seed: 1, concurrency: 1, timeoutSeconds: 5, retries: 0,
            environment: environment)
        var stopped: String?
        do {
            _ = try await RunExecutor.execute(try RunPreparation.prepare(options))
        } catch {
            stopped = error.message
        }
        guard let text = stopped else {
            Issue.record("the run should have stopped: \(message)")
            return
        }
        #expect(text.hasPrefix(suite + ":"), "names the suite: \(text)")
        let afterFile = text.dropFirst(suite.count + 1)
        #expect(afterFile.first?.isNumber == true, "names the line: \(text)")
        #expect(text.contains(pointer), "names the pointer: \(text)")
        #expect(text.contains(message), "\(text)")
        #expect(!text.contains(SandboxTestTokens.clientSecret))
    }

    @Test("a token command that fails or prints nothing stops the run, naming the suite line")
    func badCommand() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let failing = try Self.suite(auth: "auth:\n  type: bearer\n  command: [sh, -c, 'echo nope >&2; exit 3']\n")
        try await Self.expectStop(
            failing, baseURL: sandbox.baseURL, environment: [:], pointer: "#/auth/command",
            message: "exited with status 3: nope")
        let silent = try Self.suite(auth: "auth:\n  type: bearer\n  command: ['true']\n")
        try await Self.expectStop(
            silent, baseURL: sandbox.baseURL, environment: [:], pointer: "#/auth/command", message: "printed nothing")
        try await sandbox.stop()
    }

    @Test("a token endpoint that answers 500 or non-JSON, or a missing client variable, stops the run")
    func badTokenEndpoint() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let failing = try await CannedServer.start(status: 500, body: #"{"error":"boom"}"#)
        let html = try await CannedServer.start(status: 200, contentType: "text/html", body: "<html>login</html>")
        let broken = try Self.suite(auth: Self.oauthAuth(failing.baseURL + "/token"))
        try await Self.expectStop(
            broken, baseURL: sandbox.baseURL, environment: Self.oauthEnv, pointer: "#/auth/oauth2",
            message: "answered 500")
        let page = try Self.suite(auth: Self.oauthAuth(html.baseURL + "/token"))
        try await Self.expectStop(
            page, baseURL: sandbox.baseURL, environment: Self.oauthEnv, pointer: "#/auth/oauth2",
            message: "without a JSON object")
        let good = try Self.suite(auth: Self.oauthAuth(sandbox.baseURL + SandboxTestTokens.path))
        try await Self.expectStop(
            good, baseURL: sandbox.baseURL, environment: ["SBX_CLIENT_ID": SandboxTestTokens.clientID],
            pointer: "#/auth/oauth2",
            message: "$SBX_CLIENT_SECRET (the client secret) is not set")
        try await Self.expectStop(
            good, baseURL: sandbox.baseURL, environment: ["SBX_CLIENT_ID": "x", "SBX_CLIENT_SECRET": "wrong-secret"],
            pointer: "#/auth/oauth2",
            message: "answered 401")
        try await failing.stop()
        try await html.stop()
        try await sandbox.stop()
    }

    @Test("plan shows the placeholder; the suite parses every source")
    func planShowsPlaceholder() throws {
        let suite = try Self.suite(auth: Self.oauthAuth("https://auth.example/oauth/token"))
        var options = RunOptions(path: suite, environment: Self.oauthEnv)
        options.planOnly = true
        let prepared = try RunPreparation.prepare(options)
        let cases = prepared.makeAllCases().prefix(5)
        #expect(cases.contains { $0.testCase.request.header("Authorization") == "Bearer <auth:oauth2>" })
        #expect(prepared.masker.mask("x " + SandboxTestTokens.clientSecret) == "x $SBX_CLIENT_SECRET")
    }
}
