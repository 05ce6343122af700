import Foundation
import SpecGateTestSupport
import Testing

/// Headless Chromium (Debian package `chromium`, installed by `make deps`) for the HTML report tests:
/// the DOM after the page's script ran, and a screenshot.
struct HTMLReportBrowser {
    var executable: String

    /// The browser on `PATH`; nil when it is missing, after recording that (``ExternalTool/require(_:environment:sourceLocation:)``:
    /// a failure in CI, a known issue elsewhere).
    static func find(_ purpose: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> HTMLReportBrowser?
    {
        ExternalTool.chromium.require(purpose, sourceLocation: sourceLocation).map(HTMLReportBrowser.init(executable:))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The serialised DOM of `url` (`--dump-dom`).
    func dumpDOM(_ url: String) throws -> String {
        let (status, out, err) = try run(["--dump-dom", url])
        guard status == 0, !out.isEmpty else {
            throw Failure(description: "chromium --dump-dom exited \(status): \(err.suffix(600))")
        }
        return out
    }

    /// Writes a PNG screenshot of `url` to `png`.
    func screenshot(_ url: String, to png: String, width: Int = 1400, height: Int = 1600) throws {
        let (status, _, err) = try run([
            "--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=" + png, url,
        ])
        guard status == 0 else {
            throw Failure(description: "chromium --screenshot exited \(status): \(err.suffix(600))")
        }
    }

    /// Runs the browser headless with a throwaway profile; output goes to files (a big DOM cannot block a
    /// pipe); killed after 90 s.
    func run(_ arguments: [String]) throws -> (Int32, String, String) {
        let folder = NSTemporaryDirectory() + "specgate-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + folder + "/profile",
            ] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return (
            process.terminationStatus,
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/out")), as: UTF8.self),
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/err")), as: UTF8.self)
        )
    }
}
