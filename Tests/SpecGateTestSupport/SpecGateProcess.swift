import Foundation

/// Runs the built `specgate` binary (`.build/debug/specgate`, built by `swift build --build-tests`) in the
/// package root, for the end-to-end and hardening tests.
///
/// The child's stdout and stderr go to temporary files rather than pipes, so a child that writes a lot to
/// both can never block on a full pipe while the test waits for it.
public struct SpecGateProcess: Sendable {
    /// The package root (``PackageRoot``).
    public static var packageRoot: String { PackageRoot.path }

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
    ///
    /// Blocks the calling thread: async tests get the overload below, which suspends instead, so that an
    /// in-process server the child talks to keeps the cooperative pool's threads.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], launcher: [String] = []
    ) throws -> SpecGateProcess {
        let child = try Child(arguments, environment: environment, launcher: launcher)
        try child.process.run()
        child.process.waitUntilExit()
        return try child.result()
    }

    /// `run`, suspending (not blocking) until the child exits.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], launcher: [String] = []
    ) async throws -> SpecGateProcess {
        let child = try Child(arguments, environment: environment, launcher: launcher)
        let exited = AsyncStream<Void> { continuation in
            child.process.terminationHandler = { _ in continuation.finish() }
        }
        try child.process.run()
        for await _ in exited {}
        return try child.result()
    }

    /// A configured child process whose output goes to two files in a scratch folder.
    private struct Child {
        let process = Process()
        let folder: String
        let out: FileHandle
        let err: FileHandle

        init(_ arguments: [String], environment: [String: String], launcher: [String]) throws {
            folder = try temporaryFolder(prefix: "specgate-process")
            _ = FileManager.default.createFile(atPath: folder + "/stdout", contents: nil)
            _ = FileManager.default.createFile(atPath: folder + "/stderr", contents: nil)
            out = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/stdout"))
            err = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/stderr"))
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            }
            process.executableURL = URL(fileURLWithPath: launcher.first ?? binary)
            process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [binary] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = out
            process.standardError = err
        }

        /// The exit status and both outputs; removes the scratch folder.
        func result() throws -> SpecGateProcess {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try out.close()
            try err.close()
            return SpecGateProcess(
                status: process.terminationStatus,
                stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/stdout")), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/stderr")), as: UTF8.self))
        }
    }

    /// A new empty folder under the system's temporary directory.
    public static func temporaryFolder(prefix: String = "specgate-e2e") throws -> String {
        let folder = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
