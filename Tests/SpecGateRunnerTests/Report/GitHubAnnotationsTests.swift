import Foundation
import SpecGateCore
import SpecGateRunner
import Testing

/// `--format github`: workflow-command escaping, which findings are annotated, and the Markdown job summary.
@Suite("GitHub annotations and job summary")
struct GitHubAnnotationsTests {
    @Test("messages escape %, CR and LF; properties also : and ,")
    func escaping() {
        #expect(GitHubAnnotations.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubAnnotations.escapeProperty("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext%3A a%2Cb")
        #expect(
            GitHubAnnotations.escapeData("%0A") == "%250A", "an already-encoded sequence is not decoded by the runner")
        #expect(GitHubAnnotations.escapeProperty("") == "")
    }

    @Test("failures are errors, flaky findings warnings, baselined findings not annotated")
    func lines() throws {
        let report = HTMLReportFixture.report()
        let lines = GitHubAnnotations.lines(report, masker: HTMLReportFixture.masker)
        #expect(lines.count == 2)
        let error = try #require(lines.first)
        #expect(error.hasPrefix("::error title=POST /v2/bookings%2C v2%3A new response_schema_conformance::"))
        #expect(error.contains("(100%25)%0Asecond line"))
        #expect(error.contains("%0Areproduce: curl -sS -X POST"))
        #expect(!error.contains("\n") && !error.contains("\r"))
        #expect(!error.contains(HTMLReportFixture.secret) && error.contains("$VENDOR_KEY"))
        #expect(lines[1].hasPrefix("::warning title=POST /v2/bookings positive_data_acceptance::flaky"))
        #expect(!lines.contains { $0.contains("GET /v2/things") }, "the baselined finding")
    }

    @Test("the job summary has the verdict, totals, a failing-checks table and each finding's curl")
    func markdown() throws {
        let report = HTMLReportFixture.report()
        let text = MarkdownSummary(masker: HTMLReportFixture.masker).render(report)
        #expect(text.hasPrefix("## SpecGate fixture: ❌ failed"))
        #expect(text.contains("| operations | requests | failures | flaky | errors | baselined |"))
        #expect(text.contains("| 2 | 6 | 1 | 1 | 0 | 1 |"))
        #expect(
            text.contains(
                "| `POST /v2/bookings` | `response_schema_conformance`, `positive_data_acceptance` (flaky) | 2 |"))
        #expect(text.contains("| `GET /v2/things` | `not_a_server_error` (error) | 0 |"))
        #expect(text.contains("```sh\ncurl -sS -X POST 'http://127.0.0.1:1/v2/bookings'"))
        #expect(text.contains("<details><summary><b>FAIL</b> <code>response_schema_conformance</code>"))
        #expect(!text.contains("<script"), "hostile text is escaped in HTML and Markdown")
        #expect(!text.contains(HTMLReportFixture.secret))
        #expect(!text.contains("/data: expected array"), "baselined findings are not detailed")
        #expect(text.contains("Fixture API &lt;v2&gt;"))
        #expect(text.contains("a note with &lt;tags&gt; &amp; ampersands"))
    }

    @Test("the summary is appended to an existing file, never overwriting it")
    func append() throws {
        let path = NSTemporaryDirectory() + "specgate-summary-" + UUID().uuidString + ".md"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("earlier step\n".utf8).write(to: URL(fileURLWithPath: path))
        let summary = MarkdownSummary()
        try summary.append(HTMLReportFixture.report(), toPath: path)
        try summary.append(HTMLReportFixture.report(), toPath: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n## SpecGate fixture"))
        #expect(text.components(separatedBy: "## SpecGate fixture").count == 3)
    }
}
