import Foundation
import SpecGateCore

/// The GitHub Actions job summary of a run (Markdown, appended to `$GITHUB_STEP_SUMMARY`): verdict, totals,
/// a table of operations × failing checks, then each failure with its curl command in a code block.
public struct MarkdownSummary: Sendable {
    /// Applied to every text before escaping (reports are already masked; this is defence in depth).
    public var masker: SecretMasker
    /// Most findings written out in full; GitHub caps a step summary at 1 MiB.
    public var maxFindings: Int

    public init(masker: SecretMasker = SecretMasker(), maxFindings: Int = 50) {
        self.masker = masker
        self.maxFindings = maxFindings
    }

    /// The summary as Markdown (ending with a newline), secrets masked and report text escaped.
    public func render(_ report: RunReport) -> String {
        let verdict: String
        switch report.exitCode {
        case 0: verdict = "✅ passed"
        case 3: verdict = "⛔ unreachable"
        case 130: verdict = "⚠️ incomplete (interrupted)"
        default: verdict = report.failures.isEmpty && !report.errors.isEmpty ? "⚠️ errors" : "❌ failed"
        }
        var lines = ["## SpecGate \(md(report.suite)): \(verdict)", ""]
        lines.append(
            "\(md(report.specTitle)) · \(md(report.baseURL)) · seed \(report.seed) · \(md(report.startedAt)) · \(String(format1: report.durationMilliseconds / 1000)) s"
        )
        lines.append("")
        var head = ["operations", "requests", "failures", "flaky", "errors", "baselined"]
        var row = [
            report.operations.count, report.requests, report.failures.count, report.flakyFindings.count,
            report.errors.count, report.baselinedFindings.count,
        ].map(String.init)
        if let coverage = report.coverage {
            head.append("status coverage")
            row.append(
                String(format1: coverage.statusPercent) + "%" + (coverage.belowMinimum ? " (below minimum)" : ""))
        }
        lines.append("| " + head.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---:|", count: head.count))
        lines.append("| " + row.joined(separator: " | ") + " |")
        lines.append("")

        lines.append(contentsOf: rootCauses(report))

        let failing = report.operations.compactMap { operation -> (OperationResult, [CheckResult])? in
            let checks = operation.checks.filter { [.fail, .flaky, .error].contains(HTMLCellState.of($0, in: report)) }
            return checks.isEmpty ? nil : (operation, checks)
        }
        if failing.isEmpty {
            lines.append(
                report.findings.isEmpty
                    ? "Every check passed on every operation."
                    : "No failing check (findings are baselined or transport errors).")
        } else {
            lines.append("| operation | failing checks | findings |")
            lines.append("|---|---|---:|")
            for (operation, checks) in failing {
                let names = checks.map { check in
                    let state = HTMLCellState.of(check, in: report)
                    return "`" + code(check.name) + "`" + (state == .fail ? "" : " (\(state.label))")
                }
                let count = Set(checks.flatMap(\.findings)).count
                lines.append("| `\(code(operation.name))` | \(names.joined(separator: ", ")) | \(count) |")
            }
        }
        lines.append("")

        let shown = report.findings.filter { !$0.baselined }
        if !shown.isEmpty {
            lines.append("### Findings")
            lines.append("")
            for finding in shown.prefix(maxFindings) { lines.append(contentsOf: details(finding)) }
            if shown.count > maxFindings {
                lines.append("… and \(shown.count - maxFindings) more in the JSON report.")
                lines.append("")
            }
        }
        for diagnostic in report.diagnostics {
            lines.append(
                "> " + (diagnostic.severity == .note ? "" : "**\(diagnostic.severity)** ") + md(diagnostic.description))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Root causes of the findings not baselined, largest first, each a `<details>` listing its findings.
    func rootCauses(_ report: RunReport) -> [String] {
        let byFingerprint = Dictionary(report.findings.map { ($0.fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
        let causes = report.rootCauses.filter { cause in
            cause.findings.contains { byFingerprint[$0]?.baselined == false }
        }
        guard !causes.isEmpty else { return [] }
        var lines = ["### Root causes", ""]
        for cause in causes.prefix(maxFindings) {
            let count = cause.operations.count
            lines.append(
                "<details><summary><code>\(html(cause.check))</code> \(html(oneLine(cause.summary))) — <b>\(count) operation\(count == 1 ? "" : "s")</b> (\(html(cause.id)))</summary>"
            )
            lines.append("")
            for finding in cause.findings.compactMap({ byFingerprint[$0] }) {
                lines.append(
                    "- `" + code(finding.operationName) + "` `" + code(finding.fingerprint) + "`: "
                        + md(finding.message))
            }
            lines += ["", "</details>", ""]
        }
        if causes.count > maxFindings {
            lines.append("… and \(causes.count - maxFindings) more root causes in the JSON report.")
            lines.append("")
        }
        return lines
    }

    func details(_ finding: Finding) -> [String] {
        let label = finding.flaky ? "FLAKY" : finding.kind == .failure ? "FAIL" : "ERROR"
        var lines = [
            "<details><summary><b>\(label)</b> <code>\(html(finding.check))</code> — <code>\(html(finding.operationName))</code>: \(html(oneLine(finding.message)))</summary>",
            "",
        ]
        if let expected = finding.expected { lines.append("- expected: " + md(expected)) }
        if let actual = finding.actual { lines.append("- actual: " + md(actual)) }
        if let pointer = finding.instancePointer {
            lines.append("- at: " + md(pointer.description.isEmpty ? "/" : pointer.description))
        }
        lines.append("- case: " + md(finding.caseID) + (finding.mutation.map { " (" + md($0) + ")" } ?? ""))
        if let response = finding.response { lines.append("- response: HTTP \(response.status)") }
        if finding.occurrences > 1 { lines.append("- seen \(finding.occurrences) times") }
        let curl = masker.mask(finding.request.curl)
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(curl) + 1))
        lines += ["", fence + "sh", curl, fence, ""]
        if let repro = finding.minimalRepro {
            let minimal = masker.mask(repro.request.curl)
            let minimalFence = String(repeating: "`", count: max(3, longestBacktickRun(minimal) + 1))
            lines += [
                "Minimal repro (\(repro.resends) re-sends while shrinking, answered HTTP \(repro.status)):", "",
                minimalFence + "sh", minimal,
                minimalFence, "",
            ]
        }
        lines += ["</details>", ""]
        return lines
    }

    /// Appends the summary to `path` (GitHub's `$GITHUB_STEP_SUMMARY`), creating the file when missing.
    public func append(_ report: RunReport, toPath path: String) throws(RunError) {
        let data = Data(render(report).utf8)
        do {
            if !FileManager.default.fileExists(atPath: path) {
                try data.write(to: URL(fileURLWithPath: path))
                return
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } catch {
            throw RunError("cannot write the job summary \(path): \(error)")
        }
    }

    /// Masked text for Markdown: HTML-significant characters as entities, Markdown punctuation
    /// backslash-escaped, on one line.
    func md(_ text: String) -> String {
        var out = ""
        for scalar in oneLine(masker.mask(text)).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "{", "}": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Masked text inside a Markdown code span in a table: only the pipe (cell separator) and backtick escaped.
    func code(_ text: String) -> String {
        oneLine(masker.mask(text)).replacingAll("|", with: "\\|").replacingAll("`", with: "'")
    }

    /// Masked text inside raw HTML (the `<summary>` line is not parsed as Markdown).
    func html(_ text: String) -> String { HTMLText.escape(masker.mask(text)) }

    func oneLine(_ text: String) -> String {
        text.replacingAll("\r", with: " ").replacingAll("\n", with: " ")
    }

    func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
