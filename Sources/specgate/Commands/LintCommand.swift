import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner

/// `specgate lint`: checks a spec or suite for contract defects.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check an OpenAPI document or a suite for contract defects.",
        discussion: """
            For a suite, overlays are applied first; operation rules see only the operations the suite \
            includes, schema rules only the schemas those operations reach. Exit codes: 0 no errors, \
            1 error findings, 2 the spec or suite cannot be loaded.
            """
    )

    @Argument(help: "An OpenAPI document (.json/.yaml file or http(s) URL) or a suite file.")
    var target: String

    @Option(name: .customLong("json"), help: "Also write the findings as JSON to this file.")
    var jsonFile: String?

    @Option(name: .customLong("junit"), help: "Also write the findings as JUnit XML to this file.")
    var junitFile: String?

    @OptionGroup var source: SpecSourceOptions

    @Option(help: "Lowest severity shown: error, warning or info.")
    var severity: LintSeverity = .info

    func run() async throws {
        let loaded = try await SpecCommandOutput.load(target, source: source)
        let findings = await loaded.lintConcurrently().filter { $0.severity >= severity }
        let report = LintReport(
            findings: findings, lineIndex: SourceLineIndex(locations: findings.map(\.location), in: loaded.documents))
        for line in report.lines { print(line) }
        print(report.summary)
        if let jsonFile {
            do {
                try SpecCommandOutput.write(
                    JSONWriter(pretty: true).string(report.json(overlayWarnings: loaded.overlayWarnings)) + "\n",
                    to: jsonFile)
            } catch {
                throw CommandFailure.cannotWrite(jsonFile, error)
            }
        }
        if let junitFile {
            do {
                try LintJUnitBuilder.write(
                    findings: findings, ruleIDs: ruleIDs(findings), target: target,
                    toPath: junitFile, place: report.place(of:))
            } catch {
                throw CommandFailure.cannotGoOn(
                    .error("output.write", error.description, at: .init(file: junitFile)), underlying: error)
            }
        }
        if findings.contains(where: { $0.severity == .error }) { throw CommandFailure.findings }
    }
}

/// The rules a JUnit report lists: the linter's, and the Swagger 2.0 conversion warnings when there are some.
private func ruleIDs(_ findings: [LintFinding]) -> [String] {
    let conversion =
        findings.contains { $0.rule == LoadedTarget.conversionRuleID } ? [LoadedTarget.conversionRuleID] : []
    return Linter.defaultRules.map { type(of: $0).id } + conversion
}

extension LintSeverity: ExpressibleByArgument {}

/// Lint findings laid out for the console and for `--json`.
struct LintReport {
    var findings: [LintFinding]
    var lineIndex: SourceLineIndex

    /// `severity  rule  file:line  #pointer  message`, one per finding, in finding order.
    var lines: [String] {
        findings.map { finding in
            [
                finding.severity.rawValue, finding.rule, place(of: finding), "#" + finding.location.pointer.description,
                finding.message,
            ]
            .joined(separator: "  ")
        }
    }

    var summary: String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let infos = findings.filter { $0.severity == .info }.count
        return "\(errors) errors, \(warnings) warnings" + (infos > 0 ? ", \(infos) infos" : "")
    }

    func json(overlayWarnings: [OverlayWarning]) -> JSONValue {
        let entries: [JSONValue] = findings.map { finding in
            guard case .object(var object) = finding.json else { return finding.json }
            object["file"] = .string(SpecCommandOutput.displayPath(forURI: finding.location.document))
            if let line = lineIndex.line(of: finding.location) { object["line"] = .number(JSONNumber(line)) }
            return .object(object)
        }
        return [
            "findings": .array(entries),
            "summary": [
                "errors": .number(JSONNumber(findings.filter { $0.severity == .error }.count)),
                "warnings": .number(JSONNumber(findings.filter { $0.severity == .warning }.count)),
                "infos": .number(JSONNumber(findings.filter { $0.severity == .info }.count)),
            ],
            "overlayWarnings": .array(overlayWarnings.map { .string($0.description) }),
            "diagnostics": RunReportJSON.encode(diagnostics + overlayWarnings.map(\.diagnostic)),
        ]
    }

    /// The findings as diagnostics (file as shown on the console, line when known).
    var diagnostics: [Diagnostic] {
        findings.map { finding in
            var diagnostic = finding.diagnostic
            diagnostic.location.file = SpecCommandOutput.displayPath(forURI: finding.location.document)
            diagnostic.location.line = lineIndex.line(of: finding.location)
            return diagnostic
        }
    }

    func place(of finding: LintFinding) -> String {
        let file = SpecCommandOutput.displayPath(forURI: finding.location.document)
        guard let line = lineIndex.line(of: finding.location) else { return file }
        return "\(file):\(line)"
    }
}
