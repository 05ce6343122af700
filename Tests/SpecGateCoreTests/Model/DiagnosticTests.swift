import SpecGateCore
import SpecGateJSON
import Testing

@Suite struct DiagnosticTests {
    @Test func describesLocationThenMessageLeavingOutWhatIsUnknown() {
        let full = Diagnostic.error(
            "spec.load", "expected an object",
            at: .init(file: "spec.yaml", pointer: JSONPointer(tokens: ["paths", "/a"]), line: 7, column: 3))
        #expect(full.description == "spec.yaml:7:3: #/paths/~1a: expected an object")
        #expect(full.line == "error: spec.yaml:7:3: #/paths/~1a: expected an object")
        #expect(Diagnostic.warning("x", "m", at: .init(file: "f")).description == "f: m")
        #expect(Diagnostic.note("x", "just text").description == "just text")
    }

    @Test func aTextNoteTakesItsCodeFromItsLeadingWord() {
        #expect(Diagnostic(note: "clean-up: 3 of 4 resources").code == "note.clean-up")
        #expect(Diagnostic(note: "cross_user_access: identity skipped").code == "note.cross-user-access")
        #expect(Diagnostic(note: "safe mode: 3 operations skipped").code == "note.safe")
        #expect(Diagnostic(note: "(odd) start").code == "note")
        #expect(Diagnostic(note: "links: x").severity == .note)
        #expect(Diagnostic(note: "links: x").description == "links: x")
    }

    @Test func domainMessagesConvertInOnePlaceEach() {
        let overlay = OverlayWarning(
            file: "file:///s/overlay.yaml", actionIndex: 2, target: "$.paths", message: "selects nothing")
        #expect(overlay.diagnostic.severity == .warning)
        #expect(
            overlay.diagnostic.description
                == "/s/overlay.yaml: #/actions/2: overlay action 2 ($.paths): selects nothing")
        let lint = LintFinding(
            rule: "invalid-pattern", severity: .info,
            location: JSONLocation(document: "file:///s/a.json", pointer: .root), message: "m")
        #expect(lint.diagnostic.code == "lint.invalid-pattern")
        #expect(lint.diagnostic.severity == .note)
        let load = SpecLoadError(
            file: "a.json", pointer: JSONPointer(tokens: ["info"]), line: 2, message: "missing title")
        #expect(load.diagnostic.description == load.description)
    }

    @Test func theCollectorKeepsOrderAndKnowsErrors() {
        var collector = DiagnosticCollector()
        collector.append(note: "links: a")
        #expect(!collector.hasErrors)
        collector.emit(.error("spec.load", "bad"))
        #expect(collector.diagnostics.map(\.code) == ["note.links", "spec.load"])
        #expect(collector.hasErrors)
    }

    @Test func theJSONReportCarriesDiagnosticsAndNotesAndReadsThemBack() throws {
        var report = RunReport(
            toolVersion: "0", suite: "s", specTitle: "t", baseURL: "http://127.0.0.1", seed: 1,
            startedAt: "2026-01-01T00:00:00Z",
            durationMilliseconds: 1, checks: [], operations: [], findings: [], requests: 0, transportErrors: 0,
            diagnostics: [
                .warning(
                    "overlay.action", "m",
                    at: .init(file: "o.yaml", pointer: JSONPointer(tokens: ["actions", "0"]), line: 4))
            ])
        report.append(note: "links: x")
        let json = RunReportJSON.encode(report)
        guard case .object(let root) = json, case .array(let list)? = root["diagnostics"],
            case .object(let first)? = list.first
        else {
            Issue.record("no diagnostics array")
            return
        }
        #expect(first["severity"] == .string("warning"))
        #expect(first["code"] == .string("overlay.action"))
        #expect(first["file"] == .string("o.yaml"))
        #expect(first["pointer"] == .string("/actions/0"))
        #expect(first["line"]?.intValue == 4)
        #expect(root["notes"] == .array([.string("o.yaml:4: #/actions/0: m"), .string("links: x")]))
        let decoded = try RunReportJSONDecoder(file: "r.json").decode(json)
        #expect(decoded.diagnostics == report.diagnostics)
    }
}

extension DiagnosticTests {
    @Test func appendingToNotesKeepsTheTypedDiagnostics() {
        var report = RunReport(
            toolVersion: "0", suite: "s", specTitle: "t", baseURL: "http://127.0.0.1", seed: 1, startedAt: "",
            durationMilliseconds: 0,
            checks: [], operations: [], findings: [], requests: 0, transportErrors: 0,
            diagnostics: [.warning("overlay.action", "m")])
        report.notes.append("time budget: stopped")
        #expect(report.diagnostics == [.warning("overlay.action", "m"), Diagnostic(note: "time budget: stopped")])
        #expect(report.diagnostics.last?.code == "note.time")
        report.notes = ["other"]
        #expect(report.diagnostics == [Diagnostic(note: "other")])
    }
}
