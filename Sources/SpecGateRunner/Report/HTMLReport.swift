import SpecGateCore
import SpecGateJSON

/// Renders a `RunReport` as one self-contained HTML page: header (suite, spec, masked base URL, seed, date,
/// duration, verdict), totals, the operations × checks grid (each failing cell links to its findings),
/// every finding as an expandable `<details>` (expected vs actual, pointers, request, response excerpt,
/// curl), coverage, baseline and notes.
///
/// Every text from the report is passed through the masker (defence in depth: reports are already masked)
/// and then HTML-escaped: finding text comes from the server under test. Inline CSS and a small script
/// only; a Content-Security-Policy forbids loading anything else.
public struct HTMLReport: Sendable {
    /// Applied to every text before escaping.
    public var masker: SecretMasker
    /// `file://<working directory>/` shown as a relative path, for readable schema locations.
    public var basePrefix: String?

    public init(masker: SecretMasker = SecretMasker(), workingDirectory: String? = nil) {
        self.masker = masker
        self.basePrefix = workingDirectory.map { "file://" + $0 + "/" }
    }

    /// The whole page.
    public func render(_ report: RunReport) -> String {
        let anchors = findingAnchors(report)
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLReportAssets.contentSecurityPolicy)\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>SpecGate \(text(report.suite)) — \(verdict(report).label)</title>\n"
        html += "<style>\n" + HTMLReportAssets.css + "\n</style>\n</head>\n<body>\n"
        html += header(report)
        html += "<main>\n"
        html += cards(report)
        html += rootCauses(report, anchors: anchors)
        html += grid(report, anchors: anchors)
        html += findings(report, anchors: anchors)
        if let baseline = report.baseline { html += baselineSection(baseline) }
        if let coverage = report.coverage { html += coverageSection(coverage, operations: report.operations) }
        html += latencySection(report.operations)
        if !report.diagnostics.isEmpty {
            html += "<section id=\"notes\"><h2>Notes</h2><ul class=\"plain\">"
            for diagnostic in report.diagnostics {
                html += "<li class=\"\(diagnostic.severity)\" data-code=\"\(text(diagnostic.code))\">"
                if diagnostic.severity != .note { html += "<strong>\(diagnostic.severity):</strong> " }
                html += text(diagnostic.description) + "</li>"
            }
            html += "</ul></section>\n"
        }
        html += "</main>\n<footer>specgate \(text(report.toolVersion)) · seed \(report.seed) · reproduce with "
        html += "<code>specgate run \(text(report.suitePath ?? report.suite)) --seed \(report.seed)</code></footer>\n"
        html += "<script>\n" + HTMLReportAssets.script + "\n</script>\n</body>\n</html>\n"
        return html
    }

    // MARK: header and totals

    struct Verdict {
        var label: String
        var cssClass: String
    }

    func verdict(_ report: RunReport) -> Verdict {
        if report.incomplete { return Verdict(label: "INCOMPLETE", cssClass: "incomplete") }
        switch report.exitCode {
        case 0: return Verdict(label: "PASSED", cssClass: "pass")
        case 3: return Verdict(label: "UNREACHABLE", cssClass: "error")
        default:
            if report.failures.isEmpty && !report.errors.isEmpty { return Verdict(label: "ERRORS", cssClass: "error") }
            return Verdict(label: "FAILED", cssClass: "fail")
        }
    }

    func header(_ report: RunReport) -> String {
        let v = verdict(report)
        var html = "<header class=\"top\"><div class=\"row\"><h1>SpecGate · \(text(report.suite))"
        html += "<small>\(text(report.specTitle))</small></h1>"
        html += "<span class=\"verdict \(v.cssClass)\" id=\"verdict\">\(v.label)</span></div>\n<div class=\"meta\">"
        var items: [(String, String)] = [
            ("base URL", report.baseURL), ("seed", String(report.seed)), ("started", report.startedAt),
            ("duration", String(format1: report.durationMilliseconds / 1000) + " s"),
        ]
        if let shard = report.shard { items.append(("shard", shard.description)) }
        items.append(("tool", "specgate " + report.toolVersion))
        for (name, value) in items { html += "<span><b>\(name)</b><span class=\"mono\">\(text(value))</span></span>" }
        html += "</div></header>\n"
        return html
    }

    func cards(_ report: RunReport) -> String {
        let cells = report.operations.flatMap { operation in operation.checks.map { HTMLCellState.of($0, in: report) } }
        var items: [(String, String, String)] = [
            (String(report.operations.count), "operations", ""),
            (String(report.requests), "requests", ""),
            (String(cells.filter { $0 == .pass }.count), "checks passed", "pass"),
            (String(report.failures.count), "failures", report.failures.isEmpty ? "" : "fail"),
            (String(report.flakyFindings.count), "flaky", report.flakyFindings.isEmpty ? "" : "flaky"),
            (String(report.errors.count), "errors", report.errors.isEmpty ? "" : "error"),
        ]
        if report.baseline != nil || !report.baselinedFindings.isEmpty {
            items.append((String(report.baselinedFindings.count), "baselined", "baselined"))
        }
        if report.transportErrors > 0 { items.append((String(report.transportErrors), "transport errors", "error")) }
        if let coverage = report.coverage {
            items.append(
                (String(format1: coverage.statusPercent) + "%", "status coverage", coverage.belowMinimum ? "fail" : ""))
        }
        var html = "<div class=\"cards\" id=\"totals\">"
        for (number, label, css) in items {
            html +=
                "<div class=\"card \(css)\"><div class=\"n\">\(text(number))</div><div class=\"l\">\(label)</div></div>"
        }
        return html + "</div>\n"
    }

    // MARK: grid

    /// Anchor of each finding (by fingerprint), unique in the page.
    func findingAnchors(_ report: RunReport) -> [String: String] {
        var anchors: [String: String] = [:]
        for (i, finding) in report.findings.enumerated() where anchors[finding.fingerprint] == nil {
            anchors[finding.fingerprint] = "f\(i + 1)-" + HTMLText.anchor(finding.fingerprint)
        }
        return anchors
    }

    /// Checks shown as columns: the run's checks, plus `transport` when exchanges errored.
    func columns(_ report: RunReport) -> [String] {
        var columns = report.checks
        for operation in report.operations {
            for check in operation.checks where !columns.contains(check.name) { columns.append(check.name) }
        }
        if report.findings.contains(where: { $0.check == "transport" }) && !columns.contains("transport") {
            columns.append("transport")
        }
        return columns
    }

    func grid(_ report: RunReport, anchors: [String: String]) -> String {
        let columns = columns(report)
        let failing = report.operations.filter { operation in
            operation.checks.contains { [.fail, .flaky, .error].contains(HTMLCellState.of($0, in: report)) }
                || report.findings.contains {
                    $0.operationID == operation.operationID && $0.check == "transport" && !$0.baselined
                }
        }.count
        var html =
            "<section id=\"grid-section\"><h2>Operations × checks <span class=\"count\">\(report.operations.count) operations, \(failing) failing</span>"
        html +=
            "<span class=\"tools\"><label hidden><input type=\"checkbox\" id=\"only-failing\"> only failing operations</label></span></h2>\n"
        html +=
            "<div class=\"scroll\"><table class=\"grid\" id=\"grid\"><thead><tr><th>operation</th><th class=\"num\">cases</th>"
        for column in columns {
            html +=
                "<th class=\"check\" title=\"\(text(column))\">\(text(ConsoleSummary.abbreviations[column] ?? column))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        var disabled: [(operation: String, check: String, reason: String)] = []
        for operation in report.operations {
            var cells = ""
            var rowFails = false
            for column in columns {
                let state: HTMLCellState
                var findings: [String]
                var reason: String?
                if column == "transport" && !operation.checks.contains(where: { $0.name == column }) {
                    findings = report.findings.filter {
                        $0.operationID == operation.operationID && $0.check == "transport"
                    }.map(\.fingerprint)
                    let open = report.findings.filter { findings.contains($0.fingerprint) && !$0.baselined }
                    state = findings.isEmpty ? .pass : open.isEmpty ? .baselined : .error
                } else {
                    let check = operation.checks.first { $0.name == column }
                    state = HTMLCellState.of(check, in: report)
                    findings = check?.findings ?? []
                    reason = check?.reason
                }
                if [.fail, .flaky, .error].contains(state) { rowFails = true }
                if state == .disabled, let reason { disabled.append((operation.name, column, reason)) }
                var title = "\(column): \(state.meaning)"
                if let reason { title += " — " + reason }
                if !findings.isEmpty { title += " (\(findings.count) finding\(findings.count == 1 ? "" : "s"))" }
                let label = findings.count > 1 ? "\(state.label) ×\(findings.count)" : state.label
                if let first = findings.first, let anchor = anchors[first] {
                    cells +=
                        "<td class=\"cell \(state.cssClass)\" data-check=\"\(text(column))\"><a href=\"#\(anchor)\" title=\"\(text(title))\">\(label)</a></td>"
                } else {
                    cells +=
                        "<td class=\"cell \(state.cssClass)\" data-check=\"\(text(column))\"><span title=\"\(text(title))\">\(label)</span></td>"
                }
            }
            html +=
                "<tr class=\"\(rowFails ? "failing" : "ok")\" data-operation=\"\(text(operation.operationID))\"><td class=\"op\">"
            html += "<span class=\"method \(HTMLText.anchor(operation.method))\">\(text(operation.method))</span>"
            html +=
                "<span class=\"name\">\(text(operation.path))</span><div class=\"id\">\(text(operation.operationID))</div></td>"
            html +=
                "<td class=\"num\" title=\"\(operation.validCases) valid, \(operation.invalidCases) invalid\">\(operation.validCases + operation.invalidCases)</td>"
            html += cells + "</tr>\n"
        }
        html += "</tbody></table></div>\n<div class=\"legend\">"
        for state in HTMLCellState.allCases {
            html += "<span class=\"cell \(state.cssClass)\"><span>\(state.label)</span>\(text(state.meaning))</span>"
        }
        html += "</div>\n"
        if !disabled.isEmpty {
            html += "<h4>Disabled checks</h4><ul class=\"plain\" id=\"disabled\">"
            for item in disabled {
                html +=
                    "<li><code>\(text(item.check))</code> on <code>\(text(item.operation))</code>: \(text(item.reason))</li>"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    // MARK: findings

    enum FindingState: String {
        case fail, error, flaky, baselined

        var label: String {
            switch self {
            case .fail: return "FAIL"
            case .error: return "ERROR"
            case .flaky: return "FLAKY"
            case .baselined: return "BASELINED"
            }
        }
    }

    func state(of finding: Finding) -> FindingState {
        if finding.baselined { return .baselined }
        if finding.flaky { return .flaky }
        return finding.kind == .failure ? .fail : .error
    }

    func findings(_ report: RunReport, anchors: [String: String]) -> String {
        guard !report.findings.isEmpty else {
            return
                "<section id=\"findings\"><h2>Findings <span class=\"count\">0</span></h2><p class=\"ok-text\">No findings: every check passed.</p></section>\n"
        }
        let order: [FindingState] = [.fail, .error, .flaky, .baselined]
        let sorted = report.findings.enumerated().sorted { a, b in
            let (sa, sb) = (
                order.firstIndex(of: state(of: a.element)) ?? 0, order.firstIndex(of: state(of: b.element)) ?? 0
            )
            return sa != sb ? sa < sb : a.offset < b.offset
        }
        var html = "<section id=\"findings\"><h2>Findings <span class=\"count\">\(report.findings.count)</span>"
        html += "<span class=\"tools\"><button type=\"button\" data-expand=\"1\" hidden>Expand all</button>"
        html += "<button type=\"button\" data-expand=\"0\" hidden>Collapse all</button></span></h2>\n"
        var seen: Set<String> = []
        for (_, finding) in sorted {
            let anchor = anchors[finding.fingerprint] ?? HTMLText.anchor(finding.fingerprint)
            // A fingerprint repeated in a hand-edited report keeps its first anchor only.
            let id = seen.insert(anchor).inserted ? anchor : anchor + "-\(seen.count)"
            html += self.finding(finding, id: id, baseline: report.baseline)
        }
        return html + "</section>\n"
    }

    /// Root causes, largest first: each a `<details class="root-cause">` whose summary gives the check, the
    /// cause and how many operations it spans, and whose body links to each of its findings.
    func rootCauses(_ report: RunReport, anchors: [String: String]) -> String {
        let causes = report.rootCauses
        guard !causes.isEmpty else { return "" }
        let byFingerprint = Dictionary(report.findings.map { ($0.fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
        var html = "<section id=\"root-causes\"><h2>Root causes <span class=\"count\">\(causes.count)</span></h2>\n"
        for cause in causes {
            let findings = cause.findings.compactMap { byFingerprint[$0] }
            let states = findings.map(state(of:))
            let state: FindingState = [.fail, .error, .flaky, .baselined].first(where: states.contains) ?? .fail
            let count = cause.operations.count
            html +=
                "<details class=\"root-cause \(state.rawValue)\" id=\"\(HTMLText.anchor(cause.id))\" data-check=\"\(text(cause.check))\" data-operations=\"\(count)\">"
            html += "<summary><span class=\"badge \(state.rawValue)\">\(state.label)</span>"
            html += "<span class=\"summary-check\">\(text(cause.check))</span>"
            html += "<span class=\"summary-msg\">\(text(shorten(cause.summary)))</span>"
            html +=
                "<span class=\"times\">\(count) operation\(count == 1 ? "" : "s")</span></summary>\n<ul class=\"plain\">"
            for finding in findings {
                let anchor = anchors[finding.fingerprint] ?? HTMLText.anchor(finding.fingerprint)
                html +=
                    "<li><a href=\"#\(anchor)\"><code>\(text(finding.operationName))</code></a> <span class=\"muted mono\">\(text(finding.fingerprint))</span> \(text(shorten(finding.message)))</li>"
            }
            html += "</ul></details>\n"
        }
        return html + "</section>\n"
    }

    func finding(_ finding: Finding, id: String, baseline: BaselineComparison?) -> String {
        let state = state(of: finding)
        var html =
            "<details class=\"finding \(state.rawValue)\" id=\"\(id)\" data-check=\"\(text(finding.check))\" data-operation=\"\(text(finding.operationID))\">"
        html += "<summary><span class=\"badge \(state.rawValue)\">\(state.label)</span>"
        if let baseline {
            let status =
                finding.baselined
                ? "known" : baseline.expired.contains { $0.fingerprint == finding.fingerprint } ? "expired" : "new"
            html += "<span class=\"badge \(status)\" title=\"baseline status\">\(status)</span>"
        }
        html += "<span class=\"summary-check\">\(text(finding.check))</span>"
        html += "<span class=\"summary-op\">\(text(finding.operationName))</span>"
        html += "<span class=\"summary-msg\">\(text(shorten(finding.message)))</span>"
        if finding.occurrences > 1 { html += "<span class=\"times\">×\(finding.occurrences)</span>" }
        html += "</summary>\n<div class=\"body\"><dl class=\"kv\">"
        var rows: [(String, String)] = [
            ("message", shorten(finding.message)),
            ("operation", finding.operationName + "  (" + finding.operationID + ")"),
        ]
        rows.append(("case", finding.caseID + (finding.mutation.map { "  — mutation " + $0 } ?? "")))
        if let expected = finding.expected { rows.append(("expected", shorten(expected))) }
        if let actual = finding.actual { rows.append(("actual", actual)) }
        if let pointer = finding.instancePointer {
            rows.append(("instance pointer", pointer.description.isEmpty ? "/" : pointer.description))
        }
        if let schema = finding.schemaLocation { rows.append(("schema location", shorten(schema.description))) }
        rows.append(("occurrences", String(finding.occurrences)))
        rows.append(("fingerprint", finding.fingerprint))
        for (name, value) in rows {
            let mono = ["message", "operation", "occurrences"].contains(name) ? "msg" : "msg mono"
            html += "<dt>\(name)</dt><dd class=\"\(mono)\">\(text(value))</dd>"
        }
        html += "</dl>\n<div class=\"exchange\"><div><h4>Request</h4>"
        html += "<pre>\(text(finding.request.method + " " + finding.request.url))</pre>"
        html += headerTable(finding.request.headers)
        if let body = finding.request.bodyExcerpt, !body.isEmpty { html += "<pre>\(text(pretty(body)))</pre>" }
        html += "</div><div><h4>Response</h4>"
        if let response = finding.response {
            var line = "HTTP \(response.status) · \(String(format1: response.elapsedMilliseconds)) ms"
            if response.truncated { line += " · body truncated" }
            html += "<pre>\(text(line))</pre>"
            html += headerTable(response.headers)
            if let body = response.bodyExcerpt, !body.isEmpty {
                html += "<pre class=\"response-body\">\(text(pretty(body)))</pre>"
            }
        } else {
            html += "<p class=\"muted\">no response (transport error)</p>"
        }
        html +=
            "</div></div>\n<h4>Reproduce</h4><div class=\"curl\"><pre id=\"\(id)-curl\">\(text(finding.request.curl))</pre>"
        html += "<button type=\"button\" data-copy=\"\(id)-curl\" hidden>Copy</button></div>"
        if let repro = finding.minimalRepro {
            let what =
                repro.changes.isEmpty ? "no smaller request failed the same way" : repro.changes.joined(separator: ", ")
            html +=
                "<h4>Minimal repro</h4><p class=\"muted\">\(text("\(repro.resends) re-sends while shrinking; answered \(repro.status); \(what)"))</p>"
            html += "<div class=\"curl\"><pre id=\"\(id)-minimal\">\(text(repro.request.curl))</pre>"
            html += "<button type=\"button\" data-copy=\"\(id)-minimal\" hidden>Copy</button></div>"
        }
        return html + "</div></details>\n"
    }

    func headerTable(_ headers: [HeaderField]) -> String {
        guard !headers.isEmpty else { return "" }
        var html = "<table class=\"headers\">"
        for header in headers { html += "<tr><td>\(text(header.name)):</td><td>\(text(header.value))</td></tr>" }
        return html + "</table>"
    }

    /// A JSON body indented for reading; anything else (cut excerpts included) as it is.
    func pretty(_ body: String) -> String {
        guard let first = body.first, first == "{" || first == "[", let value = try? JSONParser.parse(body) else {
            return body
        }
        return JSONWriter.pretty(value)
    }

    func shorten(_ text: String) -> String {
        guard let basePrefix, text.contains(basePrefix) else { return text }
        return text.split(separator: basePrefix, omittingEmptySubsequences: false).joined()
    }

    /// Masked, then escaped: the only way report text enters the page.
    func text(_ value: String) -> String {
        HTMLText.escape(masker.mask(value))
    }

    // MARK: baseline and coverage

    func baselineSection(_ baseline: BaselineComparison) -> String {
        var html = "<section id=\"baseline\"><h2>Baseline <span class=\"count\">\(text(baseline.path))</span></h2>"
        html +=
            "<p>\(baseline.baselined.count) known (baselined), \(baseline.fixed.count) fixed, \(baseline.expired.count) expired.</p>"
        if !baseline.fixed.isEmpty {
            html += "<h4>Fixed — not seen in this run, can be removed</h4><ul class=\"plain\">"
            for entry in baseline.fixed { html += "<li>" + entryLine(entry) + "</li>" }
            html += "</ul>"
        }
        if !baseline.expired.isEmpty {
            html += "<h4>Expired — no longer suppressed</h4><ul class=\"plain\">"
            for entry in baseline.expired {
                html +=
                    "<li>" + entryLine(entry)
                    + " <span class=\"badge expired\">expired \(text(entry.expires ?? ""))</span></li>"
            }
            html += "</ul>"
        }
        return html + "</section>\n"
    }

    func entryLine(_ entry: BaselineEntry) -> String {
        var line =
            "<code>\(text(entry.fingerprint))</code> <code>\(text(entry.check))</code> on <code>\(text(entry.operation))</code>: \(text(entry.message))"
        if let reason = entry.reason { line += " <span class=\"muted\">(\(text(reason)))</span>" }
        return line
    }

    /// Per operation: p50/p95/p99 and maximum of the total time (what `max_response_time` judges), of the
    /// time to first byte, and of connecting (over the exchanges that opened a connection).
    func latencySection(_ operations: [OperationResult]) -> String {
        let measured = operations.compactMap { operation in operation.latency.map { (operation, $0) } }
        guard !measured.isEmpty else { return "" }
        func ms(_ value: Double) -> String { value < 10 ? String(format1: value) : String(Int(value.rounded())) }
        func figures(_ p: LatencyPercentiles?) -> String {
            guard let p else { return "<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td>" }
            return
                "<td class=\"num\">\(ms(p.p50))</td><td class=\"num\">\(ms(p.p95))</td><td class=\"num\">\(ms(p.p99))</td>"
        }
        var html =
            "<section id=\"latency\"><h2>Latency <span class=\"count\">milliseconds per operation: total (judged by max_response_time), time to first byte, connect</span></h2>"
        html +=
            "<div class=\"scroll\"><table class=\"cov\"><thead><tr><th rowspan=\"2\">operation</th><th rowspan=\"2\" class=\"num\">responses</th>"
        html += "<th colspan=\"4\">total</th><th colspan=\"3\">first byte</th><th colspan=\"3\">connect</th></tr><tr>"
        html +=
            "<th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">max</th>"
        html +=
            String(
                repeating: "<th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th>", count: 2)
            + "</tr></thead><tbody>"
        for (operation, latency) in measured {
            html +=
                "<tr data-operation=\"\(text(operation.operationID))\"><td class=\"mono\">\(text(operation.name))</td><td class=\"num\">\(latency.samples)</td>"
            html += figures(latency.total) + "<td class=\"num\">\(ms(latency.total.max))</td>"
            html += figures(latency.firstByte) + figures(latency.connect) + "</tr>"
        }
        return html + "</tbody></table></div></section>\n"
    }

    func coverageSection(_ coverage: ContractCoverage, operations: [OperationResult]) -> String {
        var html = "<section id=\"coverage\"><h2>Contract coverage <span class=\"count\">"
        html +=
            "\(coverage.observedStatuses)/\(coverage.documentedStatuses) documented status codes observed (\(String(format1: coverage.statusPercent))%)</span></h2>"
        if let minimum = coverage.minimumPercent {
            html +=
                coverage.belowMinimum
                ? "<p class=\"bad-text\">Coverage is below --min-coverage \(String(format1: minimum))%: the run fails.</p>"
                : "<p class=\"ok-text\">Coverage meets --min-coverage \(String(format1: minimum))%.</p>"
        }
        html +=
            "<div class=\"scroll\"><table class=\"cov\"><thead><tr><th>operation</th><th>statuses observed</th><th>not seen</th><th>undocumented seen</th><th>enum values</th></tr></thead><tbody>"
        for operation in coverage.operations {
            let name = operations.first { $0.operationID == operation.operationID }?.name ?? operation.operationID
            let fraction =
                operation.documented.isEmpty ? 1 : Double(operation.observed.count) / Double(operation.documented.count)
            let unseen = operation.documented.filter { !operation.observed.contains($0) }
            html += "<tr><td class=\"mono\">\(text(name))</td>"
            html +=
                "<td><span class=\"bar\"><i style=\"width:\(Int((fraction * 100).rounded()))%\"></i></span>\(text(operation.statusRatio))</td>"
            html += "<td class=\"mono\">\(text(unseen.joined(separator: " ")))</td>"
            html += "<td class=\"mono\">\(text(operation.undocumented.map(String.init).joined(separator: " ")))</td>"
            html += "<td>\(operation.enumValuesObserved)/\(operation.enumValuesDocumented)</td></tr>"
        }
        return html + "</tbody></table></div></section>\n"
    }
}
