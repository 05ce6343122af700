import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// Issue #17: one defect is one root cause, however many operations it shows on.
@Suite("Root causes", .serialized)
struct RootCauseTests {
    static let masker = SecretMasker(secrets: [.init(value: RunHarness.ownerKey, placeholder: "$CAL_API_KEY")])

    @Test(
        "enum_out_of_set: one root cause spans the 16 operations, first in console, job summary, JUnit, JSON and HTML")
    func enumFault() async throws {
        let report = try await RunHarness.run(faults: [.enumOutOfSet])
        let schemaFindings = report.findings.filter { $0.check == "response_schema_conformance" }
        #expect(schemaFindings.count >= 16)
        let first = try #require(report.rootCauses.first)
        #expect(first.check == "response_schema_conformance")
        #expect(first.operations.count == 16, "\(report.rootCauses.map { "\($0.summary) \($0.operations.count)" })")
        #expect(first.summary.contains("status") && first.summary.contains("\"succeeded\" is not one of"))
        #expect(Set(first.findings) == Set(schemaFindings.map(\.fingerprint)))
        #expect(report.rootCauses.count == 1)
        // Every finding is in exactly one root cause.
        #expect(report.rootCauses.flatMap(\.findings).sorted() == report.findings.map(\.fingerprint).sorted())

        // Console: the root causes lead the findings, largest first.
        let console = ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(report)
        let causes = try #require(console.range(of: "Root causes\n"))
        let findings = try #require(console.range(of: "\nFindings\n"))
        #expect(causes.upperBound < findings.lowerBound)
        let firstLine = console[causes.upperBound...].prefix { $0 != "\n" }
        #expect(firstLine.hasPrefix("1. FAIL response_schema_conformance — "))
        #expect(firstLine.contains("— 16 operations  [\(first.id)]"))

        // Job summary: a Root causes section before the operations table, the first one the enum cause.
        let markdown = MarkdownSummary(masker: Self.masker).render(report)
        let section = try #require(markdown.range(of: "### Root causes\n\n"))
        #expect(
            section.upperBound
                < (markdown.range(of: "| operation | failing checks |")?.lowerBound ?? markdown.startIndex))
        let summaryLine = markdown[section.upperBound...].prefix { $0 != "\n" }
        #expect(summaryLine.hasPrefix("<details><summary><code>response_schema_conformance</code>"))
        #expect(summaryLine.contains("16 operations") && summaryLine.contains(first.id))

        // JSON: written, decoded, the same root causes.
        let json = RunReportJSON.encode(report)
        let bytes = Array(JSONWriter.pretty(json).utf8)
        let decoder = RunReportJSONDecoder(file: "report.json")
        let decoded = try decoder.decode(bytes: bytes)
        #expect(decoded.rootCauses == report.rootCauses)
        #expect(try decoder.rootCauses(JSONParser().parse(bytes)) == report.rootCauses)
        #expect(json["rootCauses"]?[0]?["operations"]?.arrayValue?.count == 16)
        #expect(RunReportJSON.encode(decoded) == json)

        // JUnit: still one test case per operation and check; the root cause as a property; valid.
        let folder = NSTemporaryDirectory() + "specgate-rootcause-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try ReportWriter.write(
            report, junitPath: folder + "/junit.xml", jsonPath: folder + "/report.json")
        let xmlBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: written.junitPath)))
        let xml = String(decoding: xmlBytes, as: UTF8.self)
        #expect(
            xml.components(
                separatedBy: "<property name=\"rootCause.response_schema_conformance\" value=\"\(first.id)\""
            ).count == 17)
        #expect(
            xml.components(separatedBy: "<testcase ").count - 1 == report.operations.reduce(0) { $0 + $1.checks.count })
        #expect(try JUnitSchemas.violations(of: xmlBytes) == [])

        // HTML: the root-cause section comes before the grid, its first entry the enum cause, expandable
        // to its 16 findings; checked in the DOM headless Chromium renders.
        let path = folder + "/report.html"
        try ReportWriter.writeHTML(report, toPath: path, masker: Self.masker)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains(RunHarness.ownerKey))
        guard let browser = HTMLReportBrowser.find() else { return }
        let dom = try browser.dumpDOM("file://" + path)
        let sectionStart = try #require(dom.range(of: "<section id=\"root-causes\">"))
        let grid = try #require(dom.range(of: "<section id=\"grid-section\">"))
        #expect(sectionStart.upperBound < grid.lowerBound)
        let details = try #require(
            dom.range(of: "<details class=\"root-cause", range: sectionStart.upperBound..<dom.endIndex))
        let end = try #require(dom.range(of: "</details>", range: details.upperBound..<dom.endIndex))
        let entry = String(dom[details.lowerBound..<end.lowerBound])
        #expect(entry.contains("id=\"\(HTMLText.anchor(first.id))\""))
        #expect(entry.contains("16 operations"))
        #expect(entry.components(separatedBy: "<li>").count - 1 == first.findings.count)
    }

    @Test("undocumented_status: one root cause per status, spanning the operations it hits")
    func undocumentedStatus() async throws {
        let report = try await RunHarness.run(faults: [.undocumentedStatus])
        let statusFindings = report.findings.filter { $0.check == "status_code_conformance" }
        #expect(!statusFindings.isEmpty)
        let causes = report.rootCauses.filter { $0.check == "status_code_conformance" }
        #expect(causes.count == 1)
        #expect(causes.first?.summary == "status 202 is not documented")
        #expect(causes.first?.operations.count == Set(statusFindings.map(\.operationID)).count)
    }

    @Test("a malformed rootCauses section is rejected with its pointer")
    func malformed() throws {
        let report = RunReport(
            toolVersion: "test", suite: "s", specTitle: "t", baseURL: "http://x", seed: 1,
            startedAt: "2026-01-01T00:00:00Z",
            durationMilliseconds: 1, checks: [], operations: [], findings: [], requests: 0, transportErrors: 0)
        guard case .object(var root) = RunReportJSON.encode(report) else {
            Issue.record("not an object")
            return
        }
        root["rootCauses"] = .array([["id": .string("rc-1")]])
        #expect(throws: SpecLoadError.self) { try RunReportJSONDecoder(file: "r.json").decode(.object(root)) }
    }
}
