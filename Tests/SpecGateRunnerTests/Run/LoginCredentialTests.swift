import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `auth.login`: logging in through an API call (the sandbox's test-only login endpoint), the token captured
/// from its JSON answer, re-login on expiry; bad login set-ups stop the run naming the suite line. Also the
/// token command's `timeout`.
@Suite("Login credential and command timeout", .serialized)
struct LoginCredentialTests {
    static func loginAuth(
        _ target: String, capture: String = "$response.body#/data/accessToken", password: String = "LOGIN_PASSWORD"
    ) -> String {
        """
        auth:
          type: bearer
          prefix: cal_
          login:
            \(target)
            body: {email: {env: LOGIN_EMAIL}, password: {env: \(password)}, remember: false}
            capture: "\(capture)"

        """
    }

    static func loginEnv(_ sandbox: RunningSandbox) -> [String: String] {
        ["LOGIN_EMAIL": sandbox.seed.owner.email, "LOGIN_PASSWORD": SandboxTestTokens.loginPassword]
    }

    @Test("login: a run over three 2 s token lifetimes has no finding; re-logins and re-sent requests are noted")
    func loginRefreshesOnExpiry() async throws {
        let sandbox = try await CredentialSourceTests.shortLivedSandbox()
        let suite = try CredentialSourceTests.suite(auth: Self.loginAuth("url: \(SandboxTestTokens.loginPath)"))
        let report = try await CredentialSourceTests.run(suite, sandbox: sandbox, environment: Self.loginEnv(sandbox))
        try await sandbox.stop()
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        #expect(report.durationMilliseconds > 6000, "the run must outlast three token lifetimes")
        #expect(report.notes.contains { $0.hasPrefix("auth: the token was refreshed") }, "\(report.notes)")
        #expect(report.notes.contains { $0.contains("re-sent after a token refresh") }, "\(report.notes)")
        #expect(!report.notes.contains { $0.contains("refreshing the token failed") })
    }

    @Test(
        "login by operation: a spec operation (excluded from the run) logs in at the run's base URL, with the suite's headers"
    )
    func loginByOperation() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let folder = NSTemporaryDirectory() + "specgate-login-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let suite = folder + "/suite.yaml"
        try """
        name: login-by-operation
        headers: {cal-api-version: "2024-08-13"}
        auth:
          type: bearer
          login:
            operation: POST /_test/auth/login
            body: {email: {env: LOGIN_EMAIL}, password: {env: LOGIN_PASSWORD}}
            capture: "$response.body#/data/accessToken"
        exclude: {operations: [sandboxLogin]}
        endpoints:
          - method: POST
            path: /_test/auth/login
            operationId: sandboxLogin
            body: {schema: {type: object}}
            responses: {200: {description: OK}}
          - method: GET
            path: /v2/bookings
            operationId: listBookings
            headers: {cal-api-version: {required: true, value: "2024-08-13"}}
            responses: {200: {description: the caller's bookings}, 401: {description: no valid credential}}

        """.write(toFile: suite, atomically: true, encoding: .utf8)
        var options = RunOptions(
            path: suite, baseURL: sandbox.baseURL, seed: 1, maxCasesPerOperation: 3, concurrency: 1, timeoutSeconds: 5,
            retries: 0,
            environment: Self.loginEnv(sandbox))
        options.includeInvalid = false
        let prepared = try RunPreparation.prepare(options)
        #expect(prepared.operations.map(\.id) == ["listBookings"])
        let report = try await RunExecutor.execute(prepared)
        try await sandbox.stop()
        #expect(report.requests >= 1)
        // The valid case answered 2xx with the captured token (positive_data_acceptance would fail on 401).
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        #expect(
            report.findings.allSatisfy {
                !$0.request.headers.contains { $0.value.contains(SandboxTestTokens.tokenPrefix) }
            })
    }

    @Test("login set-ups that cannot work stop the run, naming the suite line")
    func badLogins() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let html = try await CannedServer.start(status: 200, contentType: "text/html", body: "<html>login</html>")
        let env = Self.loginEnv(sandbox)
        let path = "url: \(SandboxTestTokens.loginPath)"
        // A body variable that is not set: named where the suite writes it.
        let missing = try CredentialSourceTests.suite(auth: Self.loginAuth(path, password: "UNSET_LOGIN_PASSWORD"))
        try await CredentialSourceTests.expectStop(
            missing, baseURL: sandbox.baseURL, environment: env, pointer: "#/auth/login/body/password/env",
            message: "$UNSET_LOGIN_PASSWORD is not set")
        // An operation the spec does not have.
        let unknown = try CredentialSourceTests.suite(auth: Self.loginAuth("operation: logMeIn"))
        try await CredentialSourceTests.expectStop(
            unknown, baseURL: sandbox.baseURL, environment: env, pointer: "#/auth/login/operation",
            message: "no operation logMeIn in the spec")
        // An operation that takes path parameters.
        let templated = try CredentialSourceTests.suite(
            auth: Self.loginAuth("operation: BookingsController_2024_08_13_getBooking"))
        try await CredentialSourceTests.expectStop(
            templated, baseURL: sandbox.baseURL, environment: env, pointer: "#/auth/login/operation",
            message: "takes path parameters")
        // Wrong password: the endpoint answers 401.
        let refused = try CredentialSourceTests.suite(auth: Self.loginAuth(path))
        try await CredentialSourceTests.expectStop(
            refused, baseURL: sandbox.baseURL, environment: env.merging(["LOGIN_PASSWORD": "wrong"]) { $1 },
            pointer: "#/auth/login",
            message: "answered 401")
        // The token is not where `capture` says.
        let elsewhere = try CredentialSourceTests.suite(
            auth: Self.loginAuth(path, capture: "$response.body#/data/token"))
        try await CredentialSourceTests.expectStop(
            elsewhere, baseURL: sandbox.baseURL, environment: env, pointer: "#/auth/login",
            message: "without a string at $response.body#/data/token")
        // Not JSON.
        let page = try CredentialSourceTests.suite(auth: Self.loginAuth("url: \"\(html.baseURL)/login\""))
        try await CredentialSourceTests.expectStop(
            page, baseURL: sandbox.baseURL, environment: env, pointer: "#/auth/login", message: "without JSON")
        try await html.stop()
        try await sandbox.stop()
    }

    @Test("plan: the login placeholder; the login's environment values are masked")
    func planShowsLoginPlaceholder() throws {
        let suite = try CredentialSourceTests.suite(auth: Self.loginAuth("url: https://id.example/login"))
        var options = RunOptions(
            path: suite, environment: ["LOGIN_EMAIL": "owner@example.com", "LOGIN_PASSWORD": "hunter2-login"])
        options.planOnly = true
        let prepared = try RunPreparation.prepare(options)
        #expect(
            prepared.makeAllCases().prefix(5).contains {
                $0.testCase.request.header("Authorization") == "Bearer <auth:login>"
            })
        #expect(prepared.masker.mask("pw hunter2-login") == "pw $LOGIN_PASSWORD")
        // Planning needs no login variable.
        var bare = RunOptions(path: suite, environment: [:])
        bare.planOnly = true
        #expect(throws: Never.self) { try RunPreparation.prepare(bare) }
    }

    /// Whether process `pid` is gone (or a zombie waiting to be reaped).
    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        guard let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    @Test(
        "a token command that hangs past `timeout` stops the run naming the suite line; it and its children are killed")
    func commandTimeout() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let pidFile = NSTemporaryDirectory() + "specgate-hang-\(UUID().uuidString).pid"
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        // The shell starts a child that would print a token after 30 s, and waits for it.
        let hanging = try CredentialSourceTests.suite(
            auth:
                "auth:\n  type: bearer\n  command: [sh, -c, 'sleep 30 & echo $! > \(pidFile); wait; echo late_token']\n  timeout: 1s\n"
        )
        try await CredentialSourceTests.expectStop(
            hanging, baseURL: sandbox.baseURL, environment: [:], pointer: "#/auth/command",
            message: "did not finish within 1 s (`timeout`) and was killed")
        try await sandbox.stop()
        let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try #require(Int32(text))
        var gone = Self.isGone(child)
        for _ in 0..<50 where !gone {
            try await Task.sleep(for: .milliseconds(100))
            gone = Self.isGone(child)
        }
        #expect(gone, "the command's child \(child) was killed with it")
    }
}
