import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateJUnit
import SpecGateRunner
import SpecGateTestSupport
import Testing

/// One list of diagnostics feeds the console, HTML, JUnit and JSON views of a run.
@Suite struct DiagnosticsReportTests {
    static func report() -> RunReport {
        var report = HTMLReportFixture.report()
        report.diagnostics.append(
            .warning(
                "overlay.action", "overlay action 0 ($.nothing): selects nothing",
                at: .init(file: "o.yaml", pointer: JSONPointer(tokens: ["actions", "0"]))))
        return report
    }

    @Test func consoleShowsEachWithItsSeverity() {
        let text = ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false), workingDirectory: nil)
            .render(Self.report())
        #expect(text.contains("note: a note with <tags> & ampersands"))
        #expect(text.contains("warning: o.yaml: #/actions/0: overlay action 0 ($.nothing): selects nothing"))
    }

    @Test func htmlListsThemEscapedWithTheirCodes() {
        let html = HTMLReport(masker: HTMLReportFixture.masker).render(Self.report())
        #expect(html.contains("a note with &lt;tags&gt; &amp; ampersands"))
        #expect(html.contains("data-code=\"overlay.action\""))
        #expect(html.contains("<strong>warning:</strong> o.yaml: #/actions/0: overlay action 0"))
    }

    @Test func junitCarriesThemInTheFirstSuitesSystemOutAndStaysValid() throws {
        let junit = JUnitReportBuilder.build(Self.report())
        #expect(
            junit.suites.first?.systemOut
                == "note: a note with <tags> & ampersands\nwarning: o.yaml: #/actions/0: overlay action 0 ($.nothing): selects nothing"
        )
        #expect(junit.suites.dropFirst().allSatisfy { $0.systemOut == nil })
        let xml = try JUnitWriter.xml(junit)
        #expect(try JUnitSchemas.violations(of: xml) == [])
    }
}
