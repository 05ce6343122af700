import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// What `run`, `plan` and `compare` share: which cases are made, which checks judge them, and how they are sent.
struct CaseOptions: ParsableArguments {
    @Option(help: "Seed for case generation; the same seed gives the same cases (printed in every report).")
    var seed: UInt64 = 1

    @Option(name: .customLong("max-cases"), help: "Most cases per operation.")
    var maxCases: Int = 30

    @Option(
        name: .customLong("valid-cases"),
        help: "Valid cases per operation (within --max-cases); raise it for load-style runs.")
    var validCases: Int = 3

    @Flag(name: .customLong("no-invalid"), help: "Send valid cases only.")
    var noInvalid = false

    @Option(help: "Comma-separated checks to run (default: all but max_response_time).")
    var checks: String?

    @Option(name: .customLong("max-response-time"), help: "Latency budget in milliseconds (enables max_response_time).")
    var maxResponseTime: Double?

    @Option(help: "Seconds allowed for one whole exchange.")
    var timeout: Double = 10

    @Option(name: .customLong("rate-limit"), help: "Most requests per second (per target).")
    var rateLimit: Double?

    @Option(help: "Retries on transport errors (never on HTTP statuses; POST and PATCH only when never sent).")
    var retries: Int = 2

    @Option(name: .customLong("max-response-bytes"), help: "Response bodies are cut at this size.")
    var maxResponseBytes: Int = 10 << 20

    @Option(name: .customLong("ca-cert"), help: "Extra PEM CA certificate to trust for HTTPS.")
    var caCert: String?

    @Option(name: .customLong("operation"), help: "Only this operation (operationId or \"METHOD /path\"); repeatable.")
    var operations: [String] = []

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

    @Option(
        name: .customLong("path"),
        help: "Only operations whose path template matches this glob (* within a segment, ** across); repeatable.")
    var paths: [String] = []

    @Option(
        name: .customLong("exclude-path"), help: "Skip operations whose path template matches this glob; repeatable.")
    var excludePaths: [String] = []

    @Flag(help: "Send only GET, HEAD and OPTIONS requests (for staging and production); the report says so.")
    var safe = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard maxCases >= 1 else { throw ValidationError("--max-cases must be at least 1") }
        guard validCases >= 1 else { throw ValidationError("--valid-cases must be at least 1") }
        if let rateLimit, rateLimit <= 0 { throw ValidationError("--rate-limit must be positive") }
        guard maxResponseBytes >= 1024 else { throw ValidationError("--max-response-bytes must be at least 1024") }
    }

    /// The run options these flags give, for `suite` against `baseURL` (`run`, `plan` and `compare` alike).
    func runOptions(suite: String, baseURL: String?, concurrency: Int) -> RunOptions {
        var options = RunOptions(
            path: suite, baseURL: baseURL, seed: seed, maxCasesPerOperation: maxCases, includeInvalid: !noInvalid,
            checks: checks.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
                ?? [],
            maxResponseTimeMilliseconds: maxResponseTime, concurrency: concurrency, timeoutSeconds: timeout,
            rateLimit: rateLimit, retries: retries, maxResponseBytes: maxResponseBytes, caCertificatePath: caCert,
            operations: operations, environment: ProcessInfo.processInfo.environment)
        options.include = OperationFilter(tags: tags, paths: paths, methods: methods)
        options.exclude = OperationFilter(
            tags: excludeTags, operations: excludeOperations, paths: excludePaths, methods: excludeMethods)
        options.safe = safe
        options.validCasesPerOperation = validCases
        return options
    }
}
