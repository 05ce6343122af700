import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import Testing

/// Command-line filters, `--safe` and `--dry-run` on the Cal.com suite.
@Suite("Run filters, safe mode and dry run", .serialized)
struct RunFilterTests {
    func prepare(_ configure: (inout RunOptions) -> Void) throws -> PreparedRun {
        var options = RunOptions(
            path: RunHarness.suite, baseURL: "http://127.0.0.1:9", environment: ["CAL_API_KEY": RunHarness.ownerKey])
        configure(&options)
        return try RunPreparation.prepare(options)
    }

    @Test func filtersSelectAndExclude() throws {
        let gets = try prepare { $0.include = OperationFilter(methods: ["GET"]) }
        #expect(!gets.operations.isEmpty && gets.operations.allSatisfy { $0.method == .get })
        let noReassign = try prepare { $0.exclude = OperationFilter(paths: ["/v2/bookings/*/reassign**"]) }
        #expect(noReassign.operations.count == 15)
        #expect(!noReassign.operations.contains { $0.path.contains("reassign") })
        #expect(throws: RunError.self) { try prepare { $0.include = OperationFilter(tags: ["Nope"]) } }
    }

    @Test func safeModeSendsOnlySafeMethods() async throws {
        let prepared = try prepare { $0.safe = true }
        #expect(prepared.operations.allSatisfy { $0.method.isSafe })
        #expect(prepared.makeAllCases().allSatisfy { $0.testCase.request.method.isSafe })
        #expect(prepared.links.isEmpty && prepared.producers.isEmpty && prepared.cleanups.isEmpty)
        #expect(prepared.workflows.allSatisfy { $0.steps.allSatisfy { $0.operation.method.isSafe } })
        // Against the sandbox: every request is safe, and the report says safe mode was on.
        let report = try await RunHarness.run { $0.safe = true }
        #expect(report.notes.first?.hasPrefix("safe mode") == true)
        #expect(report.operations.allSatisfy { ["GET", "HEAD", "OPTIONS"].contains($0.method) })
        #expect(report.findings.isEmpty)
    }

    /// `planOnly` (`specgate plan`): an unset credential variable gets a placeholder and a missing or
    /// relative base URL falls back to http://localhost; a real run refuses both.
    @Test func planOnlyStandsInForTheCredentialAndTheBaseURL() throws {
        var options = RunOptions(path: RunHarness.suite, baseURL: "/api", environment: [:])
        #expect(throws: RunError.self) { try RunPreparation.prepare(options) }
        options.baseURL = "http://127.0.0.1:9"
        #expect(throws: RunError.self) { try RunPreparation.prepare(options) }
        options.planOnly = true
        let planned = try RunPreparation.prepare(options)
        #expect(planned.generator.options.credential?.secret == "<CAL_API_KEY>")
        options.baseURL = "/api"
        #expect(try RunPreparation.prepare(options).baseURL == "http://localhost/api")
    }

    @Test func dryRunPrintsEveryCaseMasked() throws {
        let prepared = try prepare { _ in }
        let lines = DryRun.lines(prepared)
        let curls = lines.filter { $0.hasPrefix("curl ") }
        #expect(curls.count == prepared.countPlannedRequests())
        #expect(!lines.contains { $0.contains(RunHarness.ownerKey) })
        #expect(curls.contains { $0.contains("\"$CAL_API_KEY\"") })
    }
}
