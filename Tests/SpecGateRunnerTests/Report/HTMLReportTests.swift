import Foundation
import SpecGateCore
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// The HTML report: escaping, masking, grid states and links (string level), and a real run against the
/// sandbox with a fault rendered by headless Chromium.
@Suite("HTML report", .serialized)
struct HTMLReportTests {
    /// The `<tr>` of `operation` (its `data-operation` attribute as rendered) up to `</tr>`.
    static func row(_ html: String, operation escapedID: String) -> String? {
        guard let start = html.range(of: "data-operation=\"\(escapedID)\"><td"),
            let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.lowerBound])
    }

    /// The `href` target of the link in the cell of `check` within `row`, when the cell has state `css`.
    static func cellLink(_ row: String, check: String, css: String) -> String? {
        let prefix = "<td class=\"cell \(css)\" data-check=\"\(check)\"><a href=\"#"
        guard let start = row.range(of: prefix), let end = row.range(of: "\"", range: start.upperBound..<row.endIndex)
        else { return nil }
        return String(row[start.upperBound..<end.lowerBound])
    }

    @Test("text and anchors are escaped")
    func escaping() {
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("plain ✓ text") == "plain ✓ text")
        let anchor = HTMLText.anchor("fp/1 \"é<")
        #expect(anchor.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(anchor != HTMLText.anchor("fp/1 \"é>"))
    }

    @Test("hostile text is escaped, secrets masked, every grid state rendered and linked")
    func fixturePage() throws {
        let report = HTMLReportFixture.report()
        let html = HTMLReport(masker: HTMLReportFixture.masker).render(report)
        #expect(!html.contains("<script>alert"))
        #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script")
        #expect(html.contains("create&lt;script&gt;alert(&#39;op&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;alert(&#39;h&#39;)&lt;/script&gt;"), "header values escaped")
        #expect(html.contains("&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;"), "response excerpt escaped")
        #expect(!html.contains(HTMLReportFixture.secret))
        #expect(html.contains("$VENDOR_KEY"))
        #expect(html.contains("a note with &lt;tags&gt; &amp; ampersands"))
        #expect(html.contains("id=\"verdict\">FAILED<"))

        let escapedID = HTMLText.escape(HTMLReportFixture.hostileOperation)
        let first = try #require(Self.row(html, operation: escapedID))
        let schemaAnchor = try #require(Self.cellLink(first, check: "response_schema_conformance", css: "fail"))
        #expect(html.contains("<details class=\"finding fail\" id=\"\(schemaAnchor)\""))
        let flakyAnchor = try #require(Self.cellLink(first, check: "positive_data_acceptance", css: "flaky"))
        #expect(html.contains("<details class=\"finding flaky\" id=\"\(flakyAnchor)\""))
        #expect(first.contains("<td class=\"cell pass\" data-check=\"not_a_server_error\">"))
        #expect(first.contains("<td class=\"cell disabled\" data-check=\"response_headers_conformance\">"))
        #expect(first.contains("<td class=\"cell notrun\" data-check=\"ignored_auth\">"))
        #expect(html.contains(HTMLText.escape(HTMLReportFixture.disabledReason)))

        let second = try #require(Self.row(html, operation: "listThings"))
        #expect(Self.cellLink(second, check: "response_schema_conformance", css: "baselined") != nil)
        #expect(second.contains("<td class=\"cell error\" data-check=\"not_a_server_error\">"))
        #expect(
            second.contains("<td class=\"cell notrun\" data-check=\"ignored_auth\">"),
            "a check the operation did not run")
        #expect(html.contains("<tr class=\"failing\" data-operation=\"\(escapedID)\">"))

        // Baseline: statuses per finding, fixed entries listed.
        #expect(html.contains("title=\"baseline status\">new<"))
        #expect(html.contains("title=\"baseline status\">known<"))
        #expect(html.contains("fp-gone"))
        // Findings ordered failures first, baselined last.
        let positions = ["finding fail", "finding flaky", "finding baselined"].compactMap {
            html.range(of: $0)?.lowerBound
        }
        #expect(positions.count == 3 && positions == positions.sorted())
    }

    @Test("a clean report says PASSED and has no findings")
    func cleanPage() {
        var report = HTMLReportFixture.report()
        report.findings = []
        report.baseline = nil
        report.transportErrors = 0
        report.operations = report.operations.map { operation in
            var operation = operation
            operation.checks = operation.checks.map {
                var c = $0
                if c.status != .skipped {
                    c.status = .passed
                    c.findings = []
                    c.reason = nil
                }
                return c
            }
            return operation
        }
        let html = HTMLReport().render(report)
        #expect(report.exitCode == 0)
        #expect(html.contains("id=\"verdict\">PASSED<"))
        #expect(html.contains("No findings"))
        #expect(!html.contains("<td class=\"cell fail\""))
    }

    @Test("a real run with a fault, rendered by headless Chromium: the failing cell links to its finding")
    func chromiumRendersRun() async throws {
        guard let browser = HTMLReportBrowser.find("the page was not rendered") else { return }
        let create = "BookingsController_2024_08_13_createBooking"
        let report = try await RunHarness.run(faults: [.enumOutOfSet]) { options in
            options.operations = [create, "BookingsController_2024_08_13_getBookings"]
            options.maxCasesPerOperation = 4
        }
        #expect(report.exitCode == 1)
        let folder = NSTemporaryDirectory() + "specgate-html-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/reports/report.html"
        try ReportWriter.writeHTML(
            report, toPath: path,
            masker: SecretMasker(secrets: [.init(value: RunHarness.ownerKey, placeholder: "$CAL_API_KEY")]))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains(RunHarness.ownerKey))

        let row = try #require(Self.row(html, operation: create))
        let anchor = try #require(Self.cellLink(row, check: "response_schema_conformance", css: "fail"))
        let dom = try browser.dumpDOM("file://" + path + "#" + anchor)
        let domRow = try #require(Self.row(dom, operation: create), "the grid row is in the rendered DOM")
        #expect(domRow.contains("POST") && domRow.contains("/v2/bookings"))
        #expect(Self.cellLink(domRow, check: "response_schema_conformance", css: "fail") == anchor)
        #expect(dom.contains("<tr class=\"failing\" data-operation=\"\(create)\">"))
        // The script opened the finding the URL points at; it shows the check, the message and the curl.
        let open = try #require(dom.range(of: "<details class=\"finding fail\" id=\"\(anchor)\""))
        let tagEnd = try #require(dom.range(of: ">", range: open.upperBound..<dom.endIndex))
        #expect(dom[open.upperBound..<tagEnd.lowerBound].contains("open"))
        let end = try #require(dom.range(of: "</details>", range: open.upperBound..<dom.endIndex))
        let finding = String(dom[open.lowerBound..<end.lowerBound])
        #expect(finding.contains("response_schema_conformance"))
        #expect(finding.contains("is not one of"))
        #expect(finding.contains("curl -sS -X POST"))
        #expect(finding.contains("Bearer $CAL_API_KEY") || finding.contains("\"$CAL_API_KEY\""))
        #expect(!dom.contains(RunHarness.ownerKey))
        #expect(!dom.contains("data-copy=\"\(anchor)-curl\" hidden"), "the script shows the copy buttons")
        // The latency table lists both operations with their percentiles.
        let latency = try #require(dom.range(of: "<section id=\"latency\">"))
        let latencyEnd = try #require(dom.range(of: "</section>", range: latency.upperBound..<dom.endIndex))
        let table = String(dom[latency.lowerBound..<latencyEnd.lowerBound])
        #expect(table.contains("data-operation=\"\(create)\"") && table.contains("p99") && table.contains("first byte"))

        let png = folder + "/report.png"
        try browser.screenshot("file://" + path, to: png)
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.count > 10_000)
        #expect(Array(image.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("hostile text stays text in the browser: the page's script is the only script element")
    func chromiumHostile() throws {
        guard let browser = HTMLReportBrowser.find() else { return }
        let folder = NSTemporaryDirectory() + "specgate-html-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/hostile.html"
        try ReportWriter.writeHTML(HTMLReportFixture.report(), toPath: path, masker: HTMLReportFixture.masker)
        let dom = try browser.dumpDOM("file://" + path)
        #expect(dom.components(separatedBy: "<script").count == 2)
        #expect(dom.contains("create&lt;script&gt;alert('op')&lt;/script&gt;"))
        #expect(!dom.contains(HTMLReportFixture.secret))
    }
}
