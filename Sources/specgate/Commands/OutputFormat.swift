import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `--format` of run, merge and report: the console summary, or additionally GitHub Actions annotations and
/// a job summary.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case console
    case github

    /// After the console summary: for `github`, prints a workflow command per finding and appends the
    /// Markdown job summary to `$GITHUB_STEP_SUMMARY` when it is set.
    func emit(
        _ report: RunReport, masker: SecretMasker = SecretMasker(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RunError) {
        guard self == .github else { return }
        for line in GitHubAnnotations.lines(report, masker: masker) { print(line) }
        if let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
            try MarkdownSummary(masker: masker).append(report, toPath: path)
        }
    }
}
