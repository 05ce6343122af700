import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateJUnit

/// The console, JSON and JUnit views of a `ReplayReport`; every text masked once more.
public enum ReplayReportWriter {
    /// One line per finding (outcome, check, operation, fingerprint), its detail and curl, then the totals.
    public static func console(_ report: ReplayReport, style: ConsoleStyle, masker: SecretMasker = SecretMasker())
        -> String
    {
        var lines = [style.bold("replay of \(masker.mask(report.source)) against \(masker.mask(report.baseURL))")]
        for (i, result) in report.results.enumerated() {
            let label: String
            switch result.outcome {
            case .stillFailing: label = style.red("STILL FAILING")
            case .fixed: label = style.green("FIXED")
            case .notReproducible: label = style.yellow("NOT REPRODUCIBLE")
            }
            lines.append("")
            lines.append("\(i + 1). \(label) \(result.check) — \(result.operationName)  [\(result.fingerprint)]")
            lines.append("   " + masker.mask(result.detail))
            if let links = result.linkNote { lines.append("   links: " + masker.mask(links)) }
            lines.append("   sent: " + masker.mask(result.request.curl))
        }
        for diagnostic in report.diagnostics { lines.append(style.dim(masker.mask(diagnostic.line))) }
        let totals =
            "\(report.results.count) replayed: \(report.count(.fixed)) fixed, \(report.count(.stillFailing)) still failing, "
            + "\(report.count(.notReproducible)) not reproducible"
        lines.append("")
        lines.append(report.exitCode == 0 ? style.green(totals) : style.red(totals))
        return lines.joined(separator: "\n")
    }

    /// One test suite per operation, one test case per finding (name: check and fingerprint): passed when
    /// fixed, failure when still failing, error when not reproducible.
    public static func junit(_ report: ReplayReport, masker: SecretMasker = SecretMasker()) -> JUnitReport {
        var order: [String] = []
        var byOperation: [String: [ReplayResult]] = [:]
        for result in report.results {
            if byOperation[result.operationID] == nil { order.append(result.operationID) }
            byOperation[result.operationID, default: []].append(result)
        }
        let timestamp = String(report.startedAt.prefix(19))
        var suites = order.map { id -> JUnitTestSuite in
            let cases = (byOperation[id] ?? []).map { result -> JUnitTestCase in
                let detail = masker.mask(result.detail)
                let outcome: JUnitOutcome
                switch result.outcome {
                case .fixed: outcome = .passed
                case .stillFailing:
                    outcome = .failure(message: detail, type: result.check, details: masker.mask(result.request.curl))
                case .notReproducible:
                    outcome = .error(
                        message: detail, type: "NotReproducible", details: masker.mask(result.request.curl))
                }
                return JUnitTestCase(
                    classname: id, name: result.check + " " + result.fingerprint, outcome: outcome,
                    systemOut: "replayed case \(masker.mask(result.caseID)): \(result.outcome.rawValue)")
            }
            return JUnitTestSuite(
                name: id, timestamp: timestamp, time: 0,
                properties: [("replayOf", masker.mask(report.source)), ("baseURL", masker.mask(report.baseURL))],
                testCases: cases)
        }
        JUnitReportBuilder.attach(report.diagnostics.map { masker.mask($0) }, to: &suites)
        return JUnitReport(name: "specgate replay", suites: suites)
    }

    public static func write(_ report: ReplayReport, junitPath: String?, jsonPath: String?, masker: SecretMasker)
        throws(RunError)
    {
        if let junitPath {
            do {
                try ReportWriter.createParent(of: junitPath)
                try JUnitWriter.write(junit(report, masker: masker), toPath: junitPath)
            } catch {
                throw RunError("cannot write JUnit report \(junitPath): \(error)")
            }
        }
        if let jsonPath {
            do {
                try ReportWriter.createParent(of: jsonPath)
                let text = masker.mask(JSONWriter.pretty(ReplayReportJSON.encode(report))) + "\n"
                try Data(text.utf8).write(to: URL(fileURLWithPath: jsonPath), options: .atomic)
            } catch {
                throw RunError("cannot write JSON report \(jsonPath): \(error)")
            }
        }
    }
}
