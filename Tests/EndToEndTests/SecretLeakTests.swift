import Foundation
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// The credential never appears in any output: console, stderr, JUnit, JSON, curl commands, baselines —
/// for every command (`run` with findings so every finding path renders, `plan`, `lint`, `compare`,
/// `merge`, `baseline accept`), also when a server echoes the credential back.
@Suite("Secrets stay masked", .serialized)
struct SecretLeakTests {
    @Test func runPlanAndLintNeverPrintTheToken() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet, .acceptInvalidBody]))
        let key = sandbox.seed.owner.apiKey
        let outsiderKey = sandbox.seed.outsider.apiKey
        let folder = NSTemporaryDirectory() + "specgate-secrets-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = ["CAL_API_KEY": key, "CAL_OUTSIDER_API_KEY": outsiderKey, "NO_COLOR": "1"]

        let run = try await SpecGateProcess.run(
            [
                "run", "specs/calcom/suite.yaml", "--base-url", sandbox.baseURL, "--junit", folder + "/junit.xml",
                "--json", folder + "/report.json", "--max-cases", "8",
            ], environment: env)
        try await sandbox.stop()
        #expect(run.status == 1, "faults must be found: \(run.stdout.suffix(500))")
        #expect(run.stdout.contains("reproduce: curl"))
        #expect(run.stdout.contains("\"$CAL_API_KEY\""), "curl commands use the placeholder")
        let plan = try await SpecGateProcess.run(
            ["plan", "specs/calcom/suite.yaml", "--max-cases", "3"], environment: env)
        #expect(plan.status == 0)
        let lint = try await SpecGateProcess.run(
            ["lint", "specs/calcom/suite.yaml", "--json", folder + "/lint.json"], environment: env)

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
            #expect(!text.contains(String(outsiderKey.dropFirst(4))), "\(name) leaks the outsider identity's key")
        }
        // The report still says where the credential went.
        let report = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        #expect(report.contains("Bearer $CAL_API_KEY"))
    }

    /// A live-looking key, sent to the sandbox (which rejects it: every valid case fails) and to a server
    /// that echoes it in a header, in an enum field the checks quote, and across the excerpt cut.
    @Test func everyCommandMasksAKnownTokenAlsoWhenEchoed() async throws {
        let key = "cal_live_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let echo = try await EchoServer.start()
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-secrets")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = ["CAL_API_KEY": key, "NO_COLOR": "1"]
        func path(_ name: String) -> String { folder + "/" + name }

        var processes: [(String, SpecGateProcess)] = []
        func specgate(_ name: String, _ arguments: [String]) async throws -> SpecGateProcess {
            let process = try await SpecGateProcess.run(arguments, environment: env)
            processes.append((name, process))
            return process
        }
        let suite = "specs/calcom/suite.yaml"
        let runSandbox = try await specgate(
            "run sandbox",
            [
                "run", suite, "--base-url", sandbox.baseURL, "--max-cases", "6", "--junit", path("run.xml"), "--json",
                path("run.json"),
            ])
        let shard1 = try await specgate(
            "run echo 1/2",
            [
                "run", suite, "--base-url", echo.baseURL, "--max-cases", "6", "--shard", "1/2", "--junit",
                path("s1.xml"), "--json", path("s1.json"),
            ])
        let shard2 = try await specgate(
            "run echo 2/2",
            [
                "run", suite, "--base-url", echo.baseURL, "--max-cases", "6", "--shard", "2/2", "--junit",
                path("s2.xml"), "--json", path("s2.json"),
            ])
        let merge = try await specgate(
            "merge",
            ["merge", path("s1.json"), path("s2.json"), "--junit", path("merged.xml"), "--json", path("merged.json")])
        let accept = try await specgate(
            "baseline accept",
            ["baseline", "accept", path("merged.json"), "--reason", "echo", "-o", path("baseline.yaml")])
        let compare = try await specgate(
            "compare",
            [
                "compare", suite, "--base-url", sandbox.baseURL, "--base-url", echo.baseURL, "--max-cases", "6",
                "--json", path("compare.json"), "--junit", path("compare.xml"),
            ])
        let plan = try await specgate("plan", ["plan", suite, "--max-cases", "3"])
        let lint = try await specgate("lint", ["lint", suite, "--json", path("lint.json")])
        try await sandbox.stop()
        try await echo.stop()

        #expect(runSandbox.status == 1, "the sandbox rejects the unknown key: findings")
        #expect(shard1.status == 1 && shard2.status == 1, "the echo server fails checks")
        #expect(merge.status == 1 && accept.status == 0 && plan.status == 0)
        #expect(compare.status == 1, "the targets differ: \(compare.stderr)")
        #expect(compare.stdout.contains("reproduce A: curl") && compare.stdout.contains("\"$CAL_API_KEY\""))
        let merged = try String(contentsOfFile: path("merged.json"), encoding: .utf8)
        #expect(merged.contains("$CAL_API_KEY\\\""), "the echoed key is shown as its placeholder in response excerpts")
        // Both cuts were exercised: the excerpt limit and the clip of a quoted value fall inside an echo.
        #expect(merged.contains(#"\"echo2\":\"Bearer $CAL_API_KEY… ("#), "the response excerpt is cut inside the echo")
        #expect(merged.contains(#"\"echo\":\"Bearer $CAL_API_KEY…"#), "a quoted value is clipped inside the echo")

        var outputs = processes.flatMap { [("\($0.0) stdout", $0.1.stdout), ("\($0.0) stderr", $0.1.stderr)] }
        for file in [
            "run.xml", "run.json", "s1.xml", "s1.json", "s2.xml", "s2.json", "merged.xml", "merged.json",
            "baseline.yaml",
            "compare.json", "compare.xml", "lint.json",
        ] {
            outputs.append((file, try String(contentsOfFile: path(file), encoding: .utf8)))
        }
        // No output holds the key, nor any 8 characters of its random part (a cut excerpt would).
        let secret = Array(key.dropFirst("cal_live_".count))
        let windows = (0...(secret.count - 8)).map { String(secret[$0..<($0 + 8)]) }
        for (name, text) in outputs {
            #expect(!text.contains(key), "\(name) leaks the API key")
            let leaked = windows.filter(text.contains)
            #expect(leaked.isEmpty, "\(name) leaks part of the API key: \(leaked.prefix(3))")
        }
    }

    /// The Cal.com suite with `auth` replaced, in a temporary folder (spec and overlay by absolute path).
    static func suite(auth: String, in folder: String) throws -> String {
        let root = PackageRoot.path("specs/calcom") + "/"
        var text = try String(contentsOfFile: root + "suite.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "spec: openapi-v2.json", with: "spec: \(root)openapi-v2.json")
        text = text.replacingOccurrences(of: "overlays: [overlay.yaml]", with: "overlays: [\(root)overlay.yaml]")
        text = text.replacingOccurrences(
            of: "auth:\n  type: bearer\n  header: Authorization\n  env: CAL_API_KEY\n  prefix: cal_\n", with: auth)
        let path = folder + "/suite-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Tokens from a command and from the sandbox's test token endpoint (oauth2), sent to a server that
    /// echoes them back: no output holds a token or the client secret; reports show the placeholders.
    @Test func commandAndOAuth2TokensStayMaskedWhenEchoed() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let echo = try await EchoServer.start()
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-secrets")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let commandToken = "cal_cmd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let commandSuite = try Self.suite(
            auth: "auth:\n  type: bearer\n  prefix: cal_\n  command: [echo, \(commandToken)]\n", in: folder)
        let oauthSuite = try Self.suite(
            auth: """
                auth:
                  type: bearer
                  prefix: cal_
                  oauth2: {tokenURL: "\(sandbox.baseURL)\(SandboxTestTokens.path)", clientIdEnv: SBX_ID, clientSecretEnv: SBX_SECRET}

                """, in: folder)
        let env = ["SBX_ID": SandboxTestTokens.clientID, "SBX_SECRET": SandboxTestTokens.clientSecret, "NO_COLOR": "1"]
        var outputs: [(String, String)] = []
        for (name, suite, placeholder) in [
            ("command", commandSuite, "<auth:command>"), ("oauth2", oauthSuite, "<auth:oauth2>"),
        ] {
            let json = folder + "/\(name).json"
            let junit = folder + "/\(name).xml"
            let run = try await SpecGateProcess.run(
                ["run", suite, "--base-url", echo.baseURL, "--max-cases", "4", "--json", json, "--junit", junit],
                environment: env)
            #expect(run.status == 1, "the echo server fails checks: \(run.stderr)")
            let plan = try await SpecGateProcess.run(["plan", suite, "--max-cases", "2"], environment: env)
            #expect(plan.status == 0, "\(plan.stderr)")
            let report = try String(contentsOfFile: json, encoding: .utf8)
            #expect(report.contains("Bearer \(placeholder)"), "\(name): the echoed token is shown as its placeholder")
            outputs += [
                ("\(name) run stdout", run.stdout), ("\(name) run stderr", run.stderr), ("\(name) plan", plan.stdout),
                ("\(name) json", report), ("\(name) junit", try String(contentsOfFile: junit, encoding: .utf8)),
            ]
        }
        try await sandbox.stop()
        try await echo.stop()
        for (name, text) in outputs {
            #expect(
                !text.contains(commandToken) && !text.contains(String(commandToken.dropFirst(8).prefix(12))),
                "\(name) leaks the command token")
            #expect(!text.contains(SandboxTestTokens.tokenPrefix), "\(name) leaks an oauth2 access token")
            #expect(!text.contains(SandboxTestTokens.clientSecret), "\(name) leaks the client secret")
        }
    }

    /// `login` for the owner and the outsider identity: the sandbox's test-only login endpoint answers the
    /// token (and the user's email) in its JSON, and the target, a server that echoes every request, sends
    /// the token back. No output (console, JSON, JUnit, HTML, curl and repro files, plan, compare) holds a
    /// token, the password or the email the login sends; reports show `<auth:login>`.
    @Test func loginTokensStayMaskedWhenEchoed() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let echo = try await EchoServer.start()
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-secrets")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loginURL = sandbox.baseURL + SandboxTestTokens.loginPath
        func login(email: String, password: String) -> String {
            "login: {url: \"\(loginURL)\", body: {email: {env: \(email)}, password: {env: \(password)}}, capture: \"$response.body#/data/accessToken\"}"
        }
        let suite = try Self.suite(
            auth:
                "auth:\n  type: bearer\n  prefix: cal_\n  \(login(email: "LOGIN_EMAIL", password: "LOGIN_PASSWORD"))\n",
            in: folder)
        var text = try String(contentsOfFile: suite, encoding: .utf8)
        let identity = "outsider: {env: CAL_OUTSIDER_API_KEY, optional: true}"
        #expect(text.contains(identity))
        text = text.replacingOccurrences(
            of: identity, with: "outsider: {\(login(email: "OUTSIDER_EMAIL", password: "LOGIN_PASSWORD"))}")
        try text.write(toFile: suite, atomically: true, encoding: .utf8)
        let env = [
            "LOGIN_EMAIL": sandbox.seed.owner.email, "OUTSIDER_EMAIL": sandbox.seed.outsider.email,
            "LOGIN_PASSWORD": SandboxTestTokens.loginPassword, "NO_COLOR": "1",
        ]
        func path(_ name: String) -> String { folder + "/" + name }
        let run = try await SpecGateProcess.run(
            [
                "run", suite, "--base-url", echo.baseURL, "--max-cases", "4", "--json", path("run.json"), "--junit",
                path("run.xml"),
                "--html", path("run.html"), "--export", "http", "--export", "har",
            ], environment: env)
        let compare = try await SpecGateProcess.run(
            [
                "compare", suite, "--base-url", sandbox.baseURL, "--base-url", echo.baseURL, "--max-cases", "3",
                "--json", path("compare.json"), "--junit", path("compare.xml"),
            ], environment: env)
        let plan = try await SpecGateProcess.run(["plan", suite, "--max-cases", "2"], environment: env)
        // The outsider's token in cross_user_access findings: a sandbox that lets it read the owner's bookings.
        let faulty = try await Sandbox.start(SandboxConfiguration(faults: [.outsiderCanReadBooking]))
        let cross = try await SpecGateProcess.run(
            [
                "run", suite, "--base-url", faulty.baseURL, "--max-cases", "2", "--json", path("cross.json"), "--junit",
                path("cross.xml"),
                "--html", path("cross.html"),
            ], environment: env)
        try await faulty.stop()
        try await sandbox.stop()
        try await echo.stop()
        #expect(cross.status == 1, "the outsider reads the owner's booking: \(cross.stderr)")
        let crossReport = try String(contentsOfFile: path("cross.json"), encoding: .utf8)
        #expect(
            crossReport.contains("identity outsider (<auth:outsider:login>) got 200"),
            "the finding names the identity by its placeholder")
        #expect(run.status == 1, "the echo server fails checks: \(run.stderr)")
        #expect(compare.status == 1, "the targets differ: \(compare.stderr)")
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(run.stdout.contains("reproduce: curl"))
        let report = try String(contentsOfFile: path("run.json"), encoding: .utf8)
        #expect(report.contains("Bearer <auth:login>"), "the echoed token is shown as its placeholder")
        var outputs: [(String, String)] = [
            ("run stdout", run.stdout), ("run stderr", run.stderr), ("compare stdout", compare.stdout),
            ("compare stderr", compare.stderr),
            ("plan", plan.stdout), ("cross stdout", cross.stdout), ("cross stderr", cross.stderr),
        ]
        for file in [
            "run.json", "run.xml", "run.html", "failures.http", "failures.har", "compare.json", "compare.xml",
            "cross.json", "cross.xml", "cross.html",
        ] {
            outputs.append((file, try String(contentsOfFile: path(file), encoding: .utf8)))
        }
        for (name, text) in outputs {
            #expect(!text.contains(SandboxTestTokens.tokenPrefix), "\(name) leaks a login token")
            #expect(!text.contains(SandboxTestTokens.loginPassword), "\(name) leaks the login password")
            #expect(
                !text.contains(sandbox.seed.owner.email) && !text.contains(sandbox.seed.outsider.email),
                "\(name) leaks a login email")
        }
    }
}
