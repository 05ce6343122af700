import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import Testing

/// `cross_user_access`: the Cal.com suite's `outsider` identity requests the bookings the run created as
/// the owner through every read-only operation that takes them.
@Suite("Cross-user access", .serialized)
struct CrossUserAccessTests {
    static let calendarLinks = "BookingsController_2024_08_13_getCalendarLinks"

    @Test("conformant sandbox: the outsider is refused everywhere; no finding")
    func conformant() async throws {
        let report = try await RunHarness.run()
        #expect(report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        let judged = report.operations.flatMap(\.checks).filter { $0.name == "cross_user_access" }.reduce(0) {
            $0 + $1.judged
        }
        #expect(judged >= 4, "the outsider probed the owner's booking through the linked reads")
        let writes = report.operations.filter {
            $0.operationID.hasSuffix("declineBooking") || $0.operationID.hasSuffix("markNoShow")
        }
        .flatMap(\.checks).filter { $0.name == "cross_user_access" }.reduce(0) { $0 + $1.judged }
        #expect(writes >= 2, "the outsider's state-changing requests were judged")
        #expect(!report.notes.contains { $0.contains("identity outsider skipped") })
    }

    @Test("outsider_can_read_booking is found by cross_user_access and by nothing else")
    func outsiderCanRead() async throws {
        let report = try await RunHarness.run(faults: [.outsiderCanReadBooking])
        #expect(report.exitCode == 1)
        #expect(
            report.failures.map(\.check).allSatisfy { $0 == "cross_user_access" },
            "\(report.failures.map { "\($0.check)@\($0.operationID)" })")
        let hit = report.failures.first { $0.operationID == Self.calendarLinks }
        #expect(hit != nil)
        let text = "\(String(describing: hit))"
        #expect(
            text.contains("$CAL_OUTSIDER_API_KEY") && text.contains("$CAL_API_KEY"), "both identities, masked: \(text)")
        #expect(text.contains("POST /v2/bookings") && text.contains("bookingUid="), "the owner's request and resource")
        #expect(
            !text.contains(SandboxSeed.standard.outsider.apiKey) && !text.contains(SandboxSeed.standard.owner.apiKey))
    }

    @Test(
        "outsider_can_decline_booking is found by cross_user_access (refused status or changed resource) and by nothing else"
    )
    func outsiderCanDecline() async throws {
        let report = try await RunHarness.run(faults: [.outsiderCanDeclineBooking])
        #expect(report.exitCode == 1)
        #expect(
            report.failures.map(\.check).allSatisfy { $0 == "cross_user_access" },
            "\(report.failures.map { "\($0.check)@\($0.operationID)" })")
        let hits = report.failures.filter { $0.operationID == "BookingsController_2024_08_13_declineBooking" }
        #expect(!hits.isEmpty)
        #expect(report.failures.allSatisfy { $0.operationID == "BookingsController_2024_08_13_declineBooking" })
    }

    @Test("--safe: no state-changing request is sent as another identity")
    func safeSendsNoWrites() async throws {
        let report = try await RunHarness.run(faults: [.outsiderCanDeclineBooking]) { $0.safe = true }
        #expect(report.findings.isEmpty)
    }

    @Test("unset CAL_OUTSIDER_API_KEY: the check is skipped with a note")
    func unsetOptionalIdentity() async throws {
        let report = try await RunHarness.run { $0.environment = ["CAL_API_KEY": RunHarness.ownerKey] }
        #expect(report.notes.contains("cross_user_access: identity outsider skipped: $CAL_OUTSIDER_API_KEY is not set"))
        #expect(report.findings.isEmpty)
    }

    @Test("a required identity whose variable is unset stops the run, naming the suite line")
    func missingRequiredIdentity() throws {
        let path = try CredentialSourceTests.suite(
            auth: "auth:\n  type: bearer\n  header: Authorization\n  env: CAL_API_KEY\n  prefix: cal_\n")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "outsider: {env: CAL_OUTSIDER_API_KEY, optional: true}", with: "outsider: {env: CAL_OUTSIDER_API_KEY}")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let options = RunOptions(path: path, environment: ["CAL_API_KEY": RunHarness.ownerKey])
        do {
            _ = try RunPreparation.prepare(options)
            Issue.record("the run should not start")
        } catch {
            #expect(error.message.hasPrefix(path + ":"), "\(error.message)")
            #expect(error.message.contains("#/identities/outsider/env"), "\(error.message)")
            #expect(
                error.message.contains(
                    "identity outsider takes its credential from $CAL_OUTSIDER_API_KEY, which is not set"))
        }
    }

    /// The Cal.com suite with the outsider identity's credential replaced by `identity` (YAML under `outsider:`).
    static func suite(outsider identity: String) throws -> String {
        let path = try CredentialSourceTests.suite(
            auth: "auth:\n  type: bearer\n  header: Authorization\n  env: CAL_API_KEY\n  prefix: cal_\n")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  outsider: {env: CAL_OUTSIDER_API_KEY, optional: true}", with: "  outsider:\n" + identity)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("identities with oauth2 (2 s tokens) and command credentials: conformant gives nothing, the fault is found")
    func runtimeIdentities() async throws {
        var configuration = SandboxConfiguration()
        configuration.tokenLifetime = .seconds(2)
        for faults in [Set<SandboxFault>(), [.outsiderCanReadBooking]] {
            configuration.faults = faults
            let sandbox = try await Sandbox.start(configuration)
            let oauth = try Self.suite(
                outsider:
                    "    oauth2: {tokenURL: \"\(sandbox.baseURL)\(SandboxTestTokens.path)\", clientIdEnv: OUT_ID, clientSecretEnv: OUT_SECRET}\n"
            )
            let command = try Self.suite(outsider: "    command: [echo, \(SandboxSeed.standard.outsider.apiKey)]\n")
            for (suite, placeholder) in [(oauth, "<auth:outsider:oauth2>"), (command, "<auth:outsider:command>")] {
                let options = RunOptions(
                    path: suite, baseURL: sandbox.baseURL, seed: 1, concurrency: 4, timeoutSeconds: 5, retries: 0,
                    environment: [
                        "CAL_API_KEY": RunHarness.ownerKey, "OUT_ID": SandboxTestTokens.outsiderClientID,
                        "OUT_SECRET": SandboxTestTokens.outsiderClientSecret,
                    ])
                let report = try await RunExecutor.execute(try RunPreparation.prepare(options))
                let judged = report.operations.flatMap(\.checks).filter { $0.name == "cross_user_access" }.reduce(0) {
                    $0 + $1.judged
                }
                #expect(judged >= 4, "\(placeholder)")
                if faults.isEmpty {
                    #expect(
                        report.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [], "\(placeholder)"
                    )
                } else {
                    #expect(
                        !report.failures.isEmpty && report.failures.allSatisfy { $0.check == "cross_user_access" },
                        "\(placeholder)")
                    let text = "\(report.failures)"
                    #expect(text.contains(placeholder), "the identity's credential is shown as its placeholder")
                    #expect(
                        !text.contains(SandboxSeed.standard.outsider.apiKey)
                            && !text.contains(SandboxTestTokens.tokenPrefix))
                }
            }
            try await sandbox.stop()
        }
    }

    @Test(
        "an identity with login: the outsider logs in; the fault is found; optional with an unset login variable is skipped"
    )
    func loginIdentity() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: [.outsiderCanReadBooking]))
        let login =
            "login: {url: \(SandboxTestTokens.loginPath), body: {email: {env: OUT_EMAIL}, password: {env: OUT_PASSWORD}}, capture: \"$response.body#/data/accessToken\"}"
        let suite = try Self.suite(outsider: "    \(login)\n")
        let environment = [
            "CAL_API_KEY": RunHarness.ownerKey, "OUT_EMAIL": sandbox.seed.outsider.email,
            "OUT_PASSWORD": SandboxTestTokens.loginPassword,
        ]
        let options = RunOptions(
            path: suite, baseURL: sandbox.baseURL, seed: 1, concurrency: 4, timeoutSeconds: 5, retries: 0,
            environment: environment)
        let report = try await RunExecutor.execute(try RunPreparation.prepare(options))
        try await sandbox.stop()
        #expect(
            !report.failures.isEmpty && report.failures.allSatisfy { $0.check == "cross_user_access" },
            "\(report.failures.map(\.check))")
        #expect("\(report.failures)".contains("<auth:outsider:login>"))
        #expect(!"\(report.failures)".contains(SandboxTestTokens.tokenPrefix))

        let optional = try Self.suite(outsider: "    \(login)\n    optional: true\n")
        var unset = RunOptions(
            path: optional, baseURL: sandbox.baseURL, environment: ["CAL_API_KEY": RunHarness.ownerKey])
        unset.retries = 0
        let prepared = try RunPreparation.prepare(unset)
        #expect(prepared.identities.isEmpty)
        #expect(
            prepared.trailingDiagnostics.lines.contains(
                "cross_user_access: identity outsider skipped: $OUT_EMAIL is not set"),
            "\(prepared.trailingDiagnostics.lines)")
    }
}
