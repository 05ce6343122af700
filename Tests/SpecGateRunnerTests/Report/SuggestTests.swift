import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import Testing

/// `specgate suggest`: an Overlay 1.0 document for spec-shaped findings; behaviour findings refused.
@Suite("Suggest overlay", .serialized)
struct SuggestTests {
    /// A copy of the Cal.com suite in `folder` using the spec and overlay by absolute path, plus `extra`.
    static func suite(in folder: String, extraOverlay: String) throws -> String {
        let calcom = RunHarness.packageRoot + "/specs/calcom/"
        var text = try String(contentsOfFile: RunHarness.suite, encoding: .utf8)
        text = text.replacingOccurrences(of: "spec: openapi-v2.json", with: "spec: " + calcom + "openapi-v2.json")
        text = text.replacingOccurrences(
            of: "overlays: [overlay.yaml]", with: "overlays: [\(calcom)overlay.yaml, \(extraOverlay)]")
        let path = folder + "/suite.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("undocumented_status: the overlay lints clean and the re-run with it exits 0")
    func undocumentedStatus() async throws {
        let report = try await RunHarness.run(faults: [.undocumentedStatus])
        #expect(report.exitCode == 1)
        let suggestion = OverlaySuggester.suggest(report)
        #expect(suggestion.actionCount > 0)
        #expect(suggestion.refusals.isEmpty, "\(suggestion.refusals)")
        let actions = suggestion.overlay["actions"]?.arrayValue ?? []
        #expect(actions.allSatisfy { ($0["description"]?.stringValue ?? "").contains("undocumented status 202") })
        #expect(actions.contains { $0["target"]?.stringValue == "$['paths']['/v2/bookings']['post']['responses']" })

        let folder = NSTemporaryDirectory() + "specgate-suggest-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SuggestWriter.write(suggestion, toPath: folder + "/suggested.yaml")
        let suite = try Self.suite(in: folder, extraOverlay: folder + "/suggested.yaml")

        // Lints clean: no error, nothing the suite without it does not have, every action applied.
        let before = try Workspace.load(path: RunHarness.suite)
        let after = try Workspace.load(path: suite)
        #expect(after.overlayWarnings.isEmpty, "\(after.overlayWarnings)")
        #expect(!after.lint().contains { $0.severity == .error })
        #expect(after.lint().map(\.message) == before.lint().map(\.message))

        let rerun = try await RunHarness.run(faults: [.undocumentedStatus]) { $0.path = suite }
        #expect(rerun.findings.map { "\($0.check) \($0.operationName): \($0.message)" } == [])
        #expect(rerun.exitCode == 0)
    }

    @Test("a 5xx fault: every finding refused, no action")
    func serverError() async throws {
        let report = try await RunHarness.run(faults: [.serverErrorOnInvalidBody]) { options in
            options.operations = ["BookingsController_2024_08_13_createBooking"]
            options.maxCasesPerOperation = 8
        }
        #expect(report.findings.contains { $0.check == "not_a_server_error" })
        let suggestion = OverlaySuggester.suggest(report)
        #expect(suggestion.actionCount == 0)
        #expect(suggestion.refusals.count == report.findings.count)
        #expect(
            SuggestWriter.refusalLines(suggestion).contains {
                $0.contains("not_a_server_error") && $0.contains("a 5xx is a server bug")
            })
    }
}
