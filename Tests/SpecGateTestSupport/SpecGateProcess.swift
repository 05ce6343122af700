import Foundation

/// Runs the built `specgate` binary (`.build/debug/specgate`, built by `swift build --build-tests`) in the
/// package root, for the end-to-end and hardening tests.
///
/// The child's stdout and stderr go to temporary files rather than pipes, so a child that writes a lot to
/// both can never block on a full pipe while the test waits for it.
public struct SpecGateProcess: Sendable {
    /// The package root, from this file's path (`<root>/Tests/SpecGateTestSupport/<file>`).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url = url.deletingLastPathComponent() }
        return url.path
    }()

    /// The debug binary the tests run.
    public static var binary: String { packageRoot + "/.build/debug/specgate" }

    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Lines of stdout.
    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Runs `specgate arguments…` in the package root with `environment` added to this process's own, and
    /// waits for it. A non-empty `launcher` (e.g. `["/usr/bin/time", "-v"]`) runs the binary through that
    /// command; its own output lands in `stdout`/`stderr` too.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], launcher: [String] = []
    ) throws -> SpecGateProcess {
        let folder = try temporaryFolder(prefix: "specgate-process")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outPath = folder + "/stdout"
        let errPath = folder + "/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.executableURL = URL(fileURLWithPath: launcher.first ?? binary)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return SpecGateProcess(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }

    /// A new empty folder under the system's temporary directory.
    public static func temporaryFolder(prefix: String = "specgate-e2e") throws -> String {
        let folder = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
