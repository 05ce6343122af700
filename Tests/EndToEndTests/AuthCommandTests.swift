import Foundation
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `specgate run` exits 2, naming the suite file, line and pointer, when a run-time credential cannot be
/// obtained or an identity's variable is unset.
@Suite("Credential errors exit 2", .serialized)
struct AuthCommandTests {
    @Test func badCredentialSourcesExitTwoNamingTheSuiteLine() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let failing = try await CannedServer.start(status: 500, body: "{}")
        let html = try await CannedServer.start(status: 200, contentType: "text/html", body: "<html></html>")
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-auth")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func oauth(_ url: String) -> String {
            "auth:\n  type: bearer\n  oauth2: {tokenURL: \"\(url)\", clientIdEnv: SBX_ID, clientSecretEnv: SBX_SECRET}\n"
        }
        func login(_ target: String, password: String = "SBX_SECRET") -> String {
            "auth:\n  type: bearer\n  login: {\(target), body: {password: {env: \(password)}}, capture: \"$response.body#/token\"}\n"
        }
        let cases: [(String, String, String)] = [
            ("auth:\n  type: bearer\n  command: [sh, -c, 'exit 4']\n", "#/auth/command", "exited with status 4"),
            ("auth:\n  type: bearer\n  command: ['true']\n", "#/auth/command", "printed nothing"),
            (oauth(failing.baseURL + "/token"), "#/auth/oauth2", "answered 500"),
            (oauth(html.baseURL + "/token"), "#/auth/oauth2", "without a JSON object"),
            (
                "auth:\n  type: bearer\n  command: [sh, -c, 'sleep 20']\n  timeout: 1s\n", "#/auth/command",
                "did not finish within 1 s"
            ),
            (login("url: \"\(failing.baseURL)/login\""), "#/auth/login", "answered 500"),
            (login("url: \"\(html.baseURL)/login\""), "#/auth/login", "without JSON"),
            (login("operation: logIn"), "#/auth/login/operation", "no operation logIn in the spec"),
            (
                login("url: /_test/auth/login", password: "UNSET_PASSWORD"), "#/auth/login/body/password/env",
                "$UNSET_PASSWORD is not set"
            ),
        ]
        let env = ["SBX_ID": SandboxTestTokens.clientID, "SBX_SECRET": SandboxTestTokens.clientSecret, "NO_COLOR": "1"]
        for (auth, pointer, message) in cases {
            let suite = try SecretLeakTests.suite(auth: auth, in: folder)
            let run = try await SpecGateProcess.run(
                ["run", suite, "--base-url", sandbox.baseURL, "--max-cases", "2"], environment: env)
            #expect(run.status == 2, "\(message): \(run.stderr)")
            #expect(run.stderr.contains(suite + ":"), "names the suite and line: \(run.stderr)")
            #expect(run.stderr.contains(pointer) && run.stderr.contains(message), "\(run.stderr)")
            #expect(!run.stderr.contains(SandboxTestTokens.clientSecret))
        }
        // A required identity whose variable is unset.
        let suite = try SecretLeakTests.suite(auth: "auth:\n  type: bearer\n  env: CAL_API_KEY\n", in: folder)
        var text = try String(contentsOfFile: suite, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "{env: CAL_OUTSIDER_API_KEY, optional: true}", with: "{env: CAL_OUTSIDER_API_KEY}")
        try text.write(toFile: suite, atomically: true, encoding: .utf8)
        let run = try await SpecGateProcess.run(
            ["run", suite, "--base-url", sandbox.baseURL], environment: ["CAL_API_KEY": sandbox.seed.owner.apiKey])
        #expect(run.status == 2)
        #expect(run.stderr.contains(suite + ":") && run.stderr.contains("#/identities/outsider/env"), "\(run.stderr)")
        try await failing.stop()
        try await html.stop()
        try await sandbox.stop()
    }
}
