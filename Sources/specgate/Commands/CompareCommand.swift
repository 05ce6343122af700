import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate compare`: send the same cases to two targets and report where their answers differ.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Send the same cases to two targets (A and B) and report where their answers differ.",
        discussion: """
            Give --base-url twice (A, then B). Every case (same seed, same cases) goes to both; differences are \
            the status class (2xx/4xx/5xx/transport error), a check failing on one side only, and the shape of \
            JSON bodies (fields present, JSON types, enum values; array indices collapsed to *). Values such as \
            ids and timestamps are not compared. Secrets are masked everywhere.
            Exit codes: 0 no differences; 1 differences; 2 usage or spec error; 3 a target unreachable.
            """
    )

    @Argument(help: "Suite file (or OpenAPI document).")
    var suite: String

    @Option(name: .customLong("base-url"), help: "Base URL of a target; give it twice: A, then B.")
    var baseURLs: [String] = []

    @Option(help: "Seed for case generation; the same seed sends the same cases to both targets.")
    var seed: UInt64 = 1

    @Option(name: .customLong("max-cases"), help: "Most cases per operation.")
    var maxCases: Int = 30

    @Option(name: .customLong("valid-cases"), help: "Valid cases per operation (within --max-cases).")
    var validCases: Int = 3

    @Option(help: "Comma-separated checks whose verdicts are compared (default: all but max_response_time).")
    var checks: String?

    @Option(name: .customLong("max-response-time"), help: "Latency budget in milliseconds (enables max_response_time).")
    var maxResponseTime: Double?

    @Option(help: "Cases in flight at once (each sent to A and B together).")
    var concurrency: Int = 4

    @Option(help: "Seconds allowed for one whole exchange.")
    var timeout: Double = 10

    @Option(name: .customLong("rate-limit"), help: "Most requests per second, per target.")
    var rateLimit: Double?

    @Option(help: "Retries on transport errors (never on HTTP statuses).")
    var retries: Int = 2

    @Option(name: .customLong("max-response-bytes"), help: "Response bodies are cut at this size.")
    var maxResponseBytes: Int = 10 << 20

    @Option(name: .customLong("ca-cert"), help: "Extra PEM CA certificate to trust for HTTPS.")
    var caCert: String?

    @Option(name: .customLong("operation"), help: "Only this operation (operationId or \"METHOD /path\"); repeatable.")
    var operations: [String] = []

    @Flag(name: .customLong("no-invalid"), help: "Send valid cases only.")
    var noInvalid = false

    @Option(name: .customLong("exclude-operation"), help: "Skip this operation; repeatable.")
    var excludeOperations: [String] = []

    @Option(name: .customLong("tag"), help: "Only operations with this tag; repeatable.")
    var tags: [String] = []

    @Option(name: .customLong("exclude-tag"), help: "Skip operations with this tag; repeatable.")
    var excludeTags: [String] = []

    @Option(name: .customLong("method"), help: "Only operations with this HTTP method; repeatable.")
    var methods: [String] = []

    @Option(name: .customLong("exclude-method"), help: "Skip operations with this HTTP method; repeatable.")
    var excludeMethods: [String] = []

    @Option(name: .customLong("path"), help: "Only operations whose path template matches this glob; repeatable.")
    var paths: [String] = []

    @Option(name: .customLong("exclude-path"), help: "Skip operations whose path template matches this glob; repeatable.")
    var excludePaths: [String] = []

    @Flag(help: "Send only GET, HEAD and OPTIONS requests (for staging and production).")
    var safe = false

    @Option(help: "Where to write the JSON comparison report.")
    var json = "reports/compare.json"

    @Option(help: "Also write JUnit XML here (one testsuite per operation, a failing testcase per difference).")
    var junit: String?

    func validate() throws {
        guard baseURLs.count == 2 else { throw ValidationError("give --base-url exactly twice (A, then B), not \(baseURLs.count) times") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard maxCases >= 1 else { throw ValidationError("--max-cases must be at least 1") }
        guard validCases >= 1 else { throw ValidationError("--valid-cases must be at least 1") }
        if let rateLimit, rateLimit <= 0 { throw ValidationError("--rate-limit must be positive") }
        guard maxResponseBytes >= 1024 else { throw ValidationError("--max-response-bytes must be at least 1024") }
    }

    func run() async throws {
        var options = RunOptions(
            path: suite, baseURL: baseURLs[0], seed: seed, maxCasesPerOperation: maxCases, includeInvalid: !noInvalid,
            checks: checks.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? [],
            maxResponseTimeMilliseconds: maxResponseTime, concurrency: concurrency, timeoutSeconds: timeout,
            rateLimit: rateLimit, retries: retries, maxResponseBytes: maxResponseBytes, caCertificatePath: caCert,
            operations: operations, jsonPath: json, environment: ProcessInfo.processInfo.environment)
        options.include = OperationFilter(tags: tags, paths: paths, methods: methods)
        options.exclude = OperationFilter(tags: excludeTags, operations: excludeOperations, paths: excludePaths, methods: excludeMethods)
        options.safe = safe
        options.validCasesPerOperation = validCases
        let style = ConsoleStyle.detect()
        let prepared: PreparedRun
        do {
            prepared = try RunPreparation.prepare(options)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print("specgate \(options.toolVersion) compare: \(prepared.suiteName)")
        print("\(prepared.operations.count) operations, \(prepared.cases.count) cases, seed \(seed)")
        let task = Task { () throws(RunError) -> ComparisonReport in
            try await CompareExecutor.execute(prepared, baseURLA: baseURLs[0], baseURLB: baseURLs[1])
        }
        let trap = SignalTrap { _ in task.cancel() }
        let report: ComparisonReport
        do {
            report = try await task.value
        } catch {
            trap.cancel()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        trap.cancel()
        print(CompareSummary(style: style).render(report))
        do {
            try CompareReportWriter.write(report, jsonPath: json, junitPath: junit)
            print("reports: \(([json] + (junit.map { [$0] } ?? [])).joined(separator: ", "))")
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if let signal = trap.signal {
            throw ExitCode(signal == SIGTERM ? 143 : 130)
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
