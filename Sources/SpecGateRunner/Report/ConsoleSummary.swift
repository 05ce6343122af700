import SpecGateCore

/// The readable end-of-run summary: operations × checks, then each failure with its reason and a curl
/// command that reproduces it, then the totals.
public struct ConsoleSummary: Sendable {
    public var style: ConsoleStyle
    /// `file://` prefix shown as a relative path (the working directory), for readable schema locations.
    public var basePrefix: String?

    public init(style: ConsoleStyle, workingDirectory: String? = nil) {
        self.style = style
        self.basePrefix = workingDirectory.map { "file://" + $0 + "/" }
    }

    func shorten(_ text: String) -> String {
        guard let basePrefix, text.contains(basePrefix) else { return text }
        return text.split(separator: basePrefix, omittingEmptySubsequences: false).joined()
    }

    static let abbreviations: [String: String] = [
        "not_a_server_error": "5xx", "status_code_conformance": "status", "content_type_conformance": "ctype",
        "response_headers_conformance": "headers", "response_schema_conformance": "schema",
        "negative_data_rejection": "negative", "positive_data_acceptance": "positive", "ignored_auth": "auth",
        "max_response_time": "time", "cross_user_access": "xuser", "unsupported_method": "method",
    ]

    public func render(_ report: RunReport) -> String {
        var lines: [String] = []
        let checkColumns = report.checks.map { ConsoleSummary.abbreviations[$0] ?? $0 }
        let nameWidth = min(64, max(9, report.operations.map { $0.name.count }.max() ?? 9))
        var header = "operation".padded(nameWidth) + "  cases"
        for column in checkColumns { header += "  " + column.padded(max(column.count, 4)) }
        lines.append(style.bold(header))
        for operation in report.operations {
            var line = String(operation.name.prefix(nameWidth)).padded(nameWidth)
            line += "  " + String(operation.validCases + operation.invalidCases).leftPadded(5)
            for (i, check) in operation.checks.enumerated() {
                let width = max(checkColumns[i].count, 4)
                let cell: String
                switch check.status {
                case .passed: cell = style.green("ok".padded(width))
                case .failed where report.isBaselinedOnly(check): cell = style.dim("base".padded(width))
                case .failed where report.isFlakyOnly(check): cell = style.yellow("flky".padded(width))
                case .failed: cell = style.red("FAIL".padded(width))
                case .error: cell = style.yellow("err".padded(width))
                case .skipped: cell = style.dim("-".padded(width))
                }
                line += "  " + cell
            }
            lines.append(line)
        }
        if !report.findings.isEmpty {
            lines.append(contentsOf: rootCauseLines(report))
            lines.append("")
            lines.append(style.bold("Findings"))
            for (i, finding) in report.findings.enumerated() {
                let label =
                    finding.baselined
                    ? style.dim("BASELINED")
                    : finding.flaky
                        ? style.yellow("FLAKY") : finding.kind == .failure ? style.red("FAIL") : style.yellow("ERROR")
                lines.append("")
                lines.append("\(i + 1). \(label) \(finding.check) — \(finding.operationName)  [\(finding.fingerprint)]")
                lines.append("   \(shorten(finding.message))")
                if let mutation = finding.mutation {
                    lines.append("   case: \(finding.caseID) (\(mutation))")
                } else {
                    lines.append("   case: \(finding.caseID)")
                }
                if let expected = finding.expected, let actual = finding.actual {
                    lines.append("   expected: \(shorten(expected))   actual: \(actual)")
                }
                if let pointer = finding.instancePointer {
                    lines.append("   at: \(pointer.description.isEmpty ? "/" : pointer.description)")
                }
                if let schema = finding.schemaLocation { lines.append("   schema: \(shorten(schema.description))") }
                if finding.occurrences > 1 { lines.append("   seen \(finding.occurrences) times") }
                lines.append("   reproduce: \(finding.request.curl)")
                if let repro = finding.minimalRepro { lines.append("   \(repro.summary)") }
            }
        }
        lines.append("")
        if let baseline = report.baseline {
            lines.append(contentsOf: baselineLines(baseline))
        }
        if let coverage = report.coverage {
            lines.append(contentsOf: coverageLines(coverage, nameWidth: nameWidth, operations: report.operations))
        }
        for diagnostic in report.diagnostics {
            lines.append(diagnostic.severity == .note ? style.dim(diagnostic.line) : style.yellow(diagnostic.line))
        }
        let failures = report.failures.count
        let errors = report.errors.count
        var totals = "\(report.operations.count) operations, \(report.requests) requests, "
        totals += "\(failures) failure\(failures == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s")"
        if !report.baselinedFindings.isEmpty { totals += ", \(report.baselinedFindings.count) baselined" }
        if !report.flakyFindings.isEmpty { totals += ", \(report.flakyFindings.count) flaky" }
        totals += " in \(String(format1: report.durationMilliseconds / 1000)) s (seed \(report.seed))"
        if report.incomplete { totals += " — INCOMPLETE (interrupted)" }
        lines.append(failures > 0 ? style.red(totals) : errors > 0 ? style.yellow(totals) : style.green(totals))
        return lines.joined(separator: "\n")
    }
}

extension ConsoleSummary {
    /// Root causes, largest first: each with its check, summary and operation count, then its findings
    /// (operation, fingerprint and number in the Findings list).
    func rootCauseLines(_ report: RunReport) -> [String] {
        let number = Dictionary(
            report.findings.enumerated().map { ($1.fingerprint, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let byFingerprint = Dictionary(report.findings.map { ($0.fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
        var lines = ["", style.bold("Root causes")]
        for (i, cause) in report.rootCauses.enumerated() {
            let findings = cause.findings.compactMap { byFingerprint[$0] }
            let open = findings.contains { !$0.baselined && !$0.flaky }
            let label =
                !open
                ? style.dim(findings.allSatisfy(\.baselined) ? "BASELINED" : "FLAKY")
                : findings.contains { $0.kind == .failure } ? style.red("FAIL") : style.yellow("ERROR")
            let count = cause.operations.count
            lines.append(
                "\(i + 1). \(label) \(cause.check) — \(shorten(cause.summary)) — \(count) operation\(count == 1 ? "" : "s")  [\(cause.id)]"
            )
            for finding in findings {
                lines.append(
                    "   - \(finding.operationName)  [\(finding.fingerprint)] finding \(number[finding.fingerprint] ?? 0)"
                )
            }
        }
        return lines
    }

    /// Coverage: one line per operation (statuses observed/documented, enum values seen), then the total
    /// and, when set, the `--min-coverage` verdict.
    func coverageLines(_ coverage: ContractCoverage, nameWidth: Int, operations: [OperationResult]) -> [String] {
        var lines = [style.bold("coverage".padded(nameWidth) + "  statuses  enum values  unseen statuses")]
        for operation in coverage.operations {
            let name = operations.first { $0.operationID == operation.operationID }?.name ?? operation.operationID
            let unseen = operation.documented.filter { !operation.observed.contains($0) }
            var line = String(name.prefix(nameWidth)).padded(nameWidth) + "  " + operation.statusRatio.padded(8)
            line += "  " + "\(operation.enumValuesObserved)/\(operation.enumValuesDocumented)".padded(11)
            line += "  " + unseen.joined(separator: " ")
            if !operation.undocumented.isEmpty {
                line += "  (undocumented seen: \(operation.undocumented.map(String.init).joined(separator: " ")))"
            }
            lines.append(line)
        }
        let total =
            "contract coverage: \(coverage.observedStatuses)/\(coverage.documentedStatuses) documented status codes observed (\(String(format1: coverage.statusPercent))%)"
        lines.append(total)
        if let minimum = coverage.minimumPercent {
            lines.append(
                coverage.belowMinimum
                    ? style.red(
                        "coverage \(String(format1: coverage.statusPercent))% is below --min-coverage \(String(format1: minimum))%: run fails"
                    )
                    : style.green(
                        "coverage \(String(format1: coverage.statusPercent))% meets --min-coverage \(String(format1: minimum))%"
                    ))
        }
        lines.append("")
        return lines
    }

    /// Baseline lines: the file, fixed entries (to remove) and expired entries (no longer suppressing).
    func baselineLines(_ baseline: BaselineComparison) -> [String] {
        var lines = [
            "baseline \(baseline.path): \(baseline.baselined.count) baselined, \(baseline.fixed.count) fixed, \(baseline.expired.count) expired"
        ]
        for entry in baseline.fixed {
            lines.append(
                style.green("  fixed: [\(entry.fingerprint)] \(entry.check) — \(entry.operation): \(entry.message)"))
        }
        for entry in baseline.expired {
            lines.append(
                style.yellow(
                    "  warning: expired \(entry.expires ?? ""): [\(entry.fingerprint)] \(entry.check) — \(entry.operation) (no longer suppressed)"
                ))
        }
        return lines
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// One decimal, no Foundation formatting.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
