import Foundation
import SpecGateJSON
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// SIGINT / SIGTERM in the middle of a run: the partial reports are written, marked incomplete, and the
/// exit code is 130 / 143.
@Suite("Interrupted runs", .serialized)
struct InterruptTests {
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func signalWritesPartialReports(signal: Int32, expected: Int32) async throws {
        // Every response takes 400 ms, so the run is still going when the signal arrives.
        let sandbox = try await Sandbox.start(
            SandboxConfiguration(faults: [.slowResponses], slowDelay: .milliseconds(400)))
        let folder = NSTemporaryDirectory() + "specgate-interrupt-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SpecGateProcess.packageRoot + "/.build/debug/specgate")
        process.currentDirectoryURL = URL(fileURLWithPath: SpecGateProcess.packageRoot)
        process.arguments = [
            "run", "specs/calcom/suite.yaml", "--base-url", sandbox.baseURL, "--concurrency", "2",
            "--junit", folder + "/junit.xml", "--json", folder + "/report.json",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["CAL_API_KEY": sandbox.seed.owner.apiKey]) {
            _, b in b
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/stderr", contents: nil)
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/stderr"))
        defer { try? stderr.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        // The run is under way (signal handlers installed, requests sent) once its first progress line
        // ("[done/total] …", printed after the first case) is out; a loaded machine may take a while.
        var started = false
        for _ in 0..<600 where !started && process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
            started = (try? String(contentsOfFile: folder + "/stderr", encoding: .utf8))?.contains("] ") == true
        }
        #expect(started, "the run printed no progress line")
        kill(process.processIdentifier, signal)
        // Bounded wait: in-flight requests finish (400 ms each), then the reports are written.
        var waited = 0
        while process.isRunning && waited < 200 {
            try await Task.sleep(for: .milliseconds(100))
            waited += 1
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try await sandbox.stop()
        #expect(process.terminationStatus == expected)
        let report = try JSONParser().parse([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))))
        #expect(report["incomplete"] == true)
        let requests = report["summary"]?["requests"]?.intValue ?? 0
        #expect(requests > 0)
        let xml = try String(contentsOfFile: folder + "/junit.xml", encoding: .utf8)
        #expect(xml.contains(#"name="incomplete" value="true""#))
    }
}
