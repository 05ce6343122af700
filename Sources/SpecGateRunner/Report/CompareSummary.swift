import SpecGateCore

/// The console summary of `specgate compare`: operations × difference kinds, then each differing case
/// with both sides (status, failing checks, shape lines) and the curl commands that reproduce it.
public struct CompareSummary: Sendable {
    public var style: ConsoleStyle
    /// Most differing cases printed in full; the JSON report has them all.
    public var maxCasesShown: Int

    public init(style: ConsoleStyle, maxCasesShown: Int = 50) {
        self.style = style
        self.maxCasesShown = maxCasesShown
    }

    static let columns: [(DifferenceKind, String)] = [
        (.statusClass, "status"), (.verdict, "verdict"), (.shape, "shape"),
    ]

    public func render(_ report: ComparisonReport) -> String {
        var lines: [String] = []
        lines.append("A: \(report.baseURLA)")
        lines.append("B: \(report.baseURLB)")
        lines.append("")
        let nameWidth = min(64, max(9, report.operations.map { $0.name.count }.max() ?? 9))
        var header = "operation".padded(nameWidth) + "  cases"
        for (_, title) in Self.columns { header += "  " + title.padded(7) }
        lines.append(style.bold(header))
        for operation in report.operations {
            var line =
                String(operation.name.prefix(nameWidth)).padded(nameWidth) + "  "
                + String(operation.cases).leftPadded(5)
            for (kind, _) in Self.columns {
                let count = operation.count(kind)
                line += "  " + (count == 0 ? style.green("same".padded(7)) : style.red(String(count).padded(7)))
            }
            lines.append(line)
        }
        if !report.differing.isEmpty {
            lines.append("")
            lines.append(style.bold("Differences"))
            for (i, comparison) in report.differing.prefix(maxCasesShown).enumerated() {
                lines.append("")
                let kinds = comparison.kinds.map(\.rawValue).joined(separator: ", ")
                lines.append(
                    "\(i + 1). \(style.red("DIFF")) \(kinds) — \(comparison.operationName)  [\(comparison.caseID)]")
                lines.append("   A: \(comparison.a.summary)")
                lines.append("   B: \(comparison.b.summary)")
                for difference in comparison.differences { lines.append("   - \(difference.message)") }
                if !comparison.curlA.isEmpty { lines.append(style.dim("   reproduce A: \(comparison.curlA)")) }
                if !comparison.curlB.isEmpty { lines.append(style.dim("   reproduce B: \(comparison.curlB)")) }
            }
            if report.differing.count > maxCasesShown {
                lines.append("")
                lines.append("… \(report.differing.count - maxCasesShown) more differing cases in the JSON report")
            }
        }
        if !report.diagnostics.isEmpty {
            lines.append("")
            lines.append(style.bold("Notes"))
            for diagnostic in report.diagnostics {
                lines.append("  " + (diagnostic.severity == .note ? diagnostic.description : diagnostic.line))
            }
        }
        lines.append("")
        for (name, unreachable, requests) in [
            ("A", report.unreachableA, report.requestsA), ("B", report.unreachableB, report.requestsB),
        ]
        where unreachable {
            lines.append(style.red("target \(name) unreachable: all \(requests) requests ended in a transport error"))
        }
        let verdict =
            report.differing.isEmpty
            ? style.green("no differences")
            : style.red(
                "\(report.differenceCount) difference\(report.differenceCount == 1 ? "" : "s") in \(report.differing.count) of \(report.comparedCases) cases"
            )
        lines.append(
            "\(verdict); \(report.comparedCases) cases on \(report.operations.count) operations, seed \(report.seed)"
                + (report.incomplete ? style.yellow(" (incomplete)") : ""))
        return lines.joined(separator: "\n")
    }
}
