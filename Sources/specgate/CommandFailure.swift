import Foundation
import SpecGateCore

/// How a command ends when it does not end cleanly. Commands throw it (or a `RunError`, `InitError` or
/// `SpecLoadError`, which keep their cause); ``SpecGate/main()`` alone prints the diagnostics on stderr
/// and exits with the status (README "Exit codes").
struct CommandFailure: Error, Sendable {
    /// The documented exit codes other than 0.
    enum Status: Int32, Sendable {
        /// Lint errors, conformance failures, transport errors on some requests.
        case findings = 1
        /// Usage error, unreadable or invalid spec or suite, a file that cannot be written: the tool cannot go on.
        case cannotGoOn = 2
        /// Every request errored.
        case unreachable = 3
        /// SIGINT.
        case interrupted = 130
        /// SIGTERM.
        case terminated = 143
    }

    var status: Status
    /// Printed on stderr, one line each (`error: file:line: #/pointer: message`).
    var diagnostics: [Diagnostic]
    var underlying: (any Error & Sendable)?

    init(_ status: Status, _ diagnostics: [Diagnostic] = [], underlying: (any Error & Sendable)? = nil) {
        self.status = status
        self.diagnostics = diagnostics
        self.underlying = underlying
    }

    /// Findings were printed (or written); nothing more to say on stderr.
    static let findings = CommandFailure(.findings)

    static func cannotGoOn(_ diagnostic: Diagnostic, underlying: (any Error & Sendable)? = nil) -> CommandFailure {
        CommandFailure(.cannotGoOn, [diagnostic], underlying: underlying)
    }

    static func cannotGoOn(_ message: String, code: String) -> CommandFailure {
        .cannotGoOn(.error(code, message))
    }

    /// A file the command was asked to write could not be written.
    static func cannotWrite(_ path: String, _ error: any Error) -> CommandFailure {
        .cannotGoOn(
            .error("output.write", "cannot write \(path): \(error.localizedDescription)", at: .init(file: path)))
    }

    /// SIGINT (130) or SIGTERM (143) stopped the command.
    static func interrupted(signal: Int32) -> CommandFailure {
        CommandFailure(signal == SIGTERM ? .terminated : .interrupted)
    }

    /// The failure for a report's exit code (`RunReport.exitCode` and its kin); nil for 0.
    static func report(exitCode: Int32) -> CommandFailure? {
        guard exitCode != 0 else { return nil }
        return CommandFailure(Status(rawValue: exitCode) ?? .findings)
    }

    /// Throws the failure for a report's exit code, if it is not 0.
    static func check(reportExitCode exitCode: Int32) throws(CommandFailure) {
        if let failure = report(exitCode: exitCode) { throw failure }
    }
}

/// The one writer of messages to stderr (progress lines aside): diagnostics as
/// `severity: file:line: #/pointer: message`, one per line.
enum StandardError {
    static func write(_ diagnostics: [Diagnostic]) {
        write(lines: diagnostics.map(\.line))
    }

    static func write(lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }
}
