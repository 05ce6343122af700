import ArgumentParser
import Dispatch
import Foundation
import SpecGateSandbox

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `specgate sandbox`: runs the Cal.com-compatible sandbox with switchable contract faults.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a Cal.com-compatible Bookings API sandbox with switchable contract faults.",
        discussion: "Runs until SIGINT or SIGTERM. Use --list-faults to see the fault catalogue."
    )

    @Option(name: .long, help: "Port to listen on (0 picks a free port).")
    var port: Int = 0

    @Option(name: .long, help: "Address to bind.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Fault to commit (repeatable). See --list-faults.")
    var fault: [String] = []

    @Option(name: .long, help: "Delay of the slow_responses fault, in milliseconds.")
    var slowDelayMs: Int = 1500

    @Option(name: .long, help: "Largest accepted request body in bytes.")
    var maxBodyBytes: Int = 1 << 20

    @Option(
        name: .long,
        help:
            "What to do with a kept-alive connection after an answer: keep-alive, close-always, close-after-5xx or drop-idle (20-200 ms). Closes never send Connection: close, like uvicorn after a 500."
    )
    var connection: String = "keep-alive"

    @Option(
        name: .long,
        help:
            "Lifetime in seconds of access tokens from the test-only token and login endpoints (POST /_test/oauth/token, /_test/auth/login; not Cal.com endpoints)."
    )
    var tokenLifetime: Double = 3600

    @Option(
        name: .long,
        help:
            "How a method a served path does not route is answered: 404 (Express, as Cal.com does) or 405 (RFC 9110, with Allow; not Cal.com's behaviour)."
    )
    var unroutedMethod: String = "404"

    @Flag(name: .long, help: "Print the fault catalogue and exit.")
    var listFaults = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard slowDelayMs >= 0 else { throw ValidationError("--slow-delay-ms must not be negative") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard SandboxUnroutedMethod(rawValue: unroutedMethod) != nil else {
            throw ValidationError("--unrouted-method must be 404 or 405")
        }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be positive") }
        guard SandboxConnectionBehaviour(name: connection) != nil else {
            throw ValidationError(
                "--connection must be one of: \(SandboxConnectionBehaviour.names.map(\.0).joined(separator: ", "))")
        }
        let unknown = fault.filter { SandboxFault(rawValue: $0) == nil }
        if !unknown.isEmpty {
            let valid = SandboxFault.allCases.map(\.rawValue).joined(separator: "\n  ")
            throw CommandFailure.cannotGoOn(
                "unknown fault \(unknown.joined(separator: ", ")); valid faults:\n  \(valid)",
                code: "sandbox.unknown-fault")
        }
    }

    func run() async throws {
        if listFaults {
            print(SandboxCommand.catalogue(), terminator: "")
            return
        }
        var configuration = SandboxConfiguration(
            host: host, port: port, faults: Set(fault.compactMap(SandboxFault.init(rawValue:))),
            slowDelay: .milliseconds(slowDelayMs), maxBodyBytes: maxBodyBytes,
            connectionBehaviour: SandboxConnectionBehaviour(name: connection) ?? .keepAlive)
        configuration.tokenLifetime = .milliseconds(Int64(tokenLifetime * 1000))
        configuration.unroutedMethod = SandboxUnroutedMethod(rawValue: unroutedMethod) ?? .notFound
        let sandbox = try await Sandbox.start(configuration)
        var banner = "listening on \(sandbox.baseURL)\n"
        for user in sandbox.seed.users {
            banner += "\(user.role.rawValue) \(user.id) \(user.username): \(user.apiKey)\n"
        }
        banner +=
            "test-only token endpoint (not Cal.com): POST \(sandbox.baseURL)\(SandboxTestTokens.path) client \(SandboxTestTokens.clientID):\(SandboxTestTokens.clientSecret), tokens valid \(tokenLifetime) s\n"
        banner +=
            "test-only login endpoint (not Cal.com): POST \(sandbox.baseURL)\(SandboxTestTokens.loginPath) {\"email\": \"\(sandbox.seed.owner.email)\" (or another seeded user's), \"password\": \"\(SandboxTestTokens.loginPassword)\"}, tokens valid \(tokenLifetime) s\n"
        if !configuration.faults.isEmpty {
            banner += "faults: \(configuration.faults.sorted().map(\.rawValue).joined(separator: ", "))\n"
        }
        FileHandle.standardOutput.write(Data(banner.utf8))
        let signal = await SandboxCommand.waitForTermination()
        try await sandbox.stop()
        throw CommandFailure.interrupted(signal: signal)
    }

    /// The fault catalogue as an aligned table: name, expected check, summary.
    static func catalogue() -> String {
        let rows =
            [("FAULT", "EXPECTED CHECK", "WHAT THE SANDBOX DOES")]
            + SandboxFault.allCases.map {
                ($0.rawValue, $0.expectedCheck, $0.summary + ($0.isTransport ? " [transport]" : ""))
            }
        let nameWidth = rows.map { $0.0.count }.max() ?? 0
        let checkWidth = rows.map { $0.1.count }.max() ?? 0
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: width - s.count) }
        return rows.map { "\(pad($0.0, nameWidth))  \(pad($0.1, checkWidth))  \($0.2)\n" }.joined()
    }

    /// Suspends until SIGINT or SIGTERM arrives; returns the signal number.
    private static func waitForTermination() async -> Int32 {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
        let queue = DispatchQueue(label: "specgate.sandbox.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        for await number in signals { return number }
        return SIGTERM
    }
}
