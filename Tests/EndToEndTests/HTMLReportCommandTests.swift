import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `run --html --format github`, `merge --html --format github` and `report --html` through the built
/// binary, against an in-process sandbox with a contract fault.
@Suite("HTML report and GitHub format commands", .serialized)
struct HTMLReportCommandTests {
    static let create = "BookingsController_2024_08_13_createBooking"

    @Test func runMergeAndReportWriteHTMLAndGitHubOutput() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(faults: [.enumOutOfSet]))
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-html")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = sandbox.seed.owner.apiKey
        let summary = folder + "/step-summary.md"
        try Data("## earlier step\n".utf8).write(to: URL(fileURLWithPath: summary))
        let env = ["CAL_API_KEY": key, "NO_COLOR": "1", "GITHUB_STEP_SUMMARY": summary]
        let run = try await SpecGateProcess.run(
            [
                "run", "specs/calcom/suite.yaml", "--base-url", sandbox.baseURL, "--max-cases", "4",
                "--operation", Self.create, "--operation", "BookingsController_2024_08_13_getBookings",
                "--junit", folder + "/junit.xml", "--json", folder + "/report.json", "--html",
                folder + "/html/report.html",
                "--format", "github",
            ],
            environment: env)
        try await sandbox.stop()
        #expect(run.status == 1, "the fault fails the run: \(run.stderr)")

        // Annotations: one ::error per failure, titled operation + check, message on one line.
        let report = try BaselineFile.loadReport(folder + "/report.json")
        let annotations = run.lines.filter { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }
        #expect(annotations.count == report.failures.count + report.errors.count + report.flakyFindings.count)
        #expect(annotations.contains { $0.hasPrefix("::error title=POST /v2/bookings response_schema_conformance::") })
        #expect(annotations.allSatisfy { $0.contains("%0Areproduce: curl") })
        #expect(run.stdout.contains("operation"), "the console summary is still printed")
        #expect(!run.stdout.contains(key))

        // Job summary appended after the earlier step's content.
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.hasPrefix("## earlier step\n## SpecGate calcom: ❌ failed"))
        #expect(markdown.contains("| `POST /v2/bookings` | `response_schema_conformance` |"))
        #expect(markdown.contains("```sh\ncurl -sS -X POST"))
        #expect(!markdown.contains(key))

        // HTML written by run, with the failing cell and no secret.
        let html = try String(contentsOfFile: folder + "/html/report.html", encoding: .utf8)
        #expect(html.contains("<tr class=\"failing\" data-operation=\"\(Self.create)\">"))
        #expect(html.contains("<td class=\"cell fail\" data-check=\"response_schema_conformance\"><a href=\"#f"))
        #expect(html.contains("id=\"verdict\">FAILED<"))
        #expect(!html.contains(key))

        // `report` renders the JSON report the same way (a downloaded artifact).
        let rendered = try await SpecGateProcess.run([
            "report", folder + "/report.json", "--html", folder + "/again.html",
        ])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let again = try String(contentsOfFile: folder + "/again.html", encoding: .utf8)
        let grid = { (page: String) in
            page.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first
        }
        #expect(grid(again) != nil && grid(again) == grid(html), "same grid from the JSON report")

        // `merge` writes HTML and GitHub output too; without GITHUB_STEP_SUMMARY no summary file is needed.
        let merge = try await SpecGateProcess.run(
            [
                "merge", folder + "/report.json", "--junit", folder + "/m.xml", "--json", folder + "/m.json",
                "--html", folder + "/m.html", "--format", "github",
            ],
            environment: ["GITHUB_STEP_SUMMARY": ""])
        #expect(merge.status == 1)
        #expect(
            merge.lines.filter { $0.hasPrefix("::error ") }.count
                == annotations.filter { $0.hasPrefix("::error ") }.count)
        #expect(FileManager.default.fileExists(atPath: folder + "/m.html"))

        // Usage and input errors exit 2.
        let nothing = try await SpecGateProcess.run(["report", folder + "/report.json"])
        #expect(nothing.status == 2 && nothing.stderr.contains("--html"))
        let missing = try await SpecGateProcess.run(["report", folder + "/absent.json", "--html", folder + "/x.html"])
        #expect(missing.status == 2 && missing.stderr.contains("absent.json"))
        let badFormat = try await SpecGateProcess.run(["report", folder + "/report.json", "--format", "gitlab"])
        #expect(badFormat.status == 2)
    }
}
