import Foundation
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `specgate suggest` through the built binary: an overlay for an undocumented status, a refusal for a 5xx.
@Suite("suggest command", .serialized)
struct SuggestCommandTests {
    func report(_ faults: Set<SandboxFault>, folder: String) async throws -> String {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: faults))
        let run = try await SpecGateProcess.run(
            [
                "run", "specs/calcom/suite.yaml", "--base-url", sandbox.baseURL, "--max-cases", "8",
                "--operation", "BookingsController_2024_08_13_createBooking",
                "--junit", folder + "/junit.xml", "--json", folder + "/report.json",
            ],
            environment: ["CAL_API_KEY": sandbox.seed.owner.apiKey, "NO_COLOR": "1"])
        try await sandbox.stop()
        #expect(run.status == 1, "\(run.stderr)")
        return folder + "/report.json"
    }

    @Test func writesAnOverlayOrRefuses() async throws {
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-suggest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let undocumented = try await report([.undocumentedStatus], folder: folder + "/a")
        let wrote = try await SpecGateProcess.run(["suggest", undocumented, "--output", folder + "/overlay.yaml"])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let overlay = try String(contentsOfFile: folder + "/overlay.yaml", encoding: .utf8)
        #expect(overlay.hasPrefix("overlay: \"1.0.0\""))
        #expect(overlay.contains("$['paths']['/v2/bookings']['post']['responses']"))
        #expect(overlay.contains("undocumented status 202"))

        let serverError = try await report([.serverErrorOnInvalidBody], folder: folder + "/b")
        let refused = try await SpecGateProcess.run(["suggest", serverError, "--output", folder + "/none.yaml"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not_a_server_error") && refused.stderr.contains("a 5xx is a server bug"))
        #expect(refused.stderr.contains("nothing written"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/none.yaml"))
    }
}
