import SpecGateCore

/// GitHub Actions workflow commands for a run: each failure and error as `::error`, each flaky finding as
/// `::warning`, titled `<operation> <check>`. Baselined findings are not annotated.
public enum GitHubAnnotations {
    /// One workflow command per annotated finding, in report order.
    public static func lines(_ report: RunReport, masker: SecretMasker = SecretMasker()) -> [String] {
        report.findings.compactMap { finding in
            if finding.baselined { return nil }
            let command = finding.flaky ? "warning" : "error"
            let title = finding.operationName + " " + finding.check
            return
                "::\(command) title=\(escapeProperty(masker.mask(title)))::\(escapeData(masker.mask(message(finding))))"
        }
    }

    /// The annotation text: the finding's message, expected vs actual, the case and the curl command.
    public static func message(_ finding: Finding) -> String {
        var lines: [String] = []
        if finding.flaky {
            lines.append("flaky (passed when re-sent): " + finding.message)
        } else {
            lines.append(finding.message)
        }
        if let expected = finding.expected, let actual = finding.actual {
            lines.append("expected: \(expected)   actual: \(actual)")
        }
        if let pointer = finding.instancePointer {
            lines.append("at: " + (pointer.description.isEmpty ? "/" : pointer.description))
        }
        lines.append("case: " + finding.caseID + (finding.mutation.map { " (\($0))" } ?? ""))
        if finding.occurrences > 1 { lines.append("seen \(finding.occurrences) times") }
        lines.append("reproduce: " + finding.request.curl)
        if let repro = finding.minimalRepro { lines.append(repro.summary) }
        return lines.joined(separator: "\n")
    }

    /// A command's message: `%`, CR and LF as `%25`, `%0D`, `%0A` (as the Actions runner decodes them).
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value (`title=…`): as `escapeData`, and also `:` and `,` as `%3A`, `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
