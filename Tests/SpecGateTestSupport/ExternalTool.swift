import Foundation
import Testing

/// A program a test needs that `swift build` does not make (xmllint, chromium) or that must be built
/// first (the `specgate` binary). One rule for every such test (README "Tests and CI"):
///
/// - in CI (`CI=true`) a missing tool is a **failure**: `make test-deps` (run by `.ci/run`) installs them;
/// - elsewhere the test is **skipped with a stated reason**: it records a known issue naming the tool and
///   how to install it, and returns early, so the run shows it and still passes.
public struct ExternalTool: Sendable {
    public var name: String
    /// Names looked up on `PATH`, or absolute paths.
    public var candidates: [String]
    /// How to get it, for the message.
    public var install: String

    public init(name: String, candidates: [String], install: String) {
        self.name = name
        self.candidates = candidates
        self.install = install
    }

    public static let chromium = ExternalTool(
        name: "chromium", candidates: ["chromium", "chromium-browser"],
        install: "Debian package chromium; `make test-deps` installs it")
    public static let xmllint = ExternalTool(
        name: "xmllint", candidates: ["xmllint"], install: "Debian package libxml2-utils; `make test-deps` installs it")
    public static let curl = ExternalTool(
        name: "curl", candidates: ["curl"], install: "Debian package curl; `make test-deps` installs it")
    public static let openssl = ExternalTool(
        name: "openssl", candidates: ["openssl"], install: "Debian package openssl; `make test-deps` installs it")
    /// GNU time (`/usr/bin/time -v`), for peak memory figures.
    public static let time = ExternalTool(
        name: "time", candidates: ["/usr/bin/time"], install: "Debian package time; `make test-deps` installs it")
    /// The debug binary the end-to-end and hardening tests run.
    public static let specgate = ExternalTool(
        name: "specgate", candidates: [SpecGateProcess.binary], install: "run `swift build` first")

    /// True when the tests run in CI (`CI` is `true` or `1`), where every tool must be there.
    public static func isCI(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
    }

    /// The tool's path, or nil.
    public func locate(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") -> String? {
        for candidate in candidates {
            if candidate.hasPrefix("/") {
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                continue
            }
            for folder in path.split(separator: ":") {
                let full = String(folder) + "/" + candidate
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
        }
        return nil
    }

    /// What a test without the tool says.
    public var missingMessage: String { "\(name) is not installed (\(install))" }

    /// The tool's path. When it is missing, records a failure in CI and a known issue elsewhere (see the
    /// type's rule), and returns nil: the caller returns.
    public func require(
        _ purpose: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String? {
        if let found = locate(path: environment["PATH"] ?? "/usr/bin:/bin") { return found }
        let message = missingMessage + (purpose.map { ": " + $0 } ?? "")
        if Self.isCI(environment) {
            Issue.record("\(message); CI must install it", sourceLocation: sourceLocation)
        } else {
            withKnownIssue("skipped: \(message)") {
                Issue.record("\(name) not found", sourceLocation: sourceLocation)
            }
        }
        return nil
    }
}
