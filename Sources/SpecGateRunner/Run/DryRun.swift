import SpecGateCore

/// `run --dry-run` and `plan` (the same printer): every planned request as a comment line and a curl command
/// (`CurlCommand`, masked by the run's `SecretMasker`); nothing is sent. Linked identifiers are shown with
/// their generated stand-ins (a real run replaces them).
public enum DryRun {
    /// The two lines `run` starts with: tool, suite and base URL (masked); operations, case bound and seed.
    public static func header(_ run: PreparedRun) -> [String] {
        [
            "specgate \(run.options.toolVersion): \(run.suiteName) → \(run.masker.mask(run.baseURL))",
            "\(run.operations.count) operations, up to \(run.caseBound) cases, seed \(run.options.seed)",
        ]
    }

    public static func lines(_ run: PreparedRun) -> [String] {
        var lines: [String] = []
        func render(_ planned: PlannedCase) {
            lines.append(comment(planned.testCase))
            lines.append(curl(planned.testCase.request, baseURL: run.baseURL, masker: run.masker))
        }
        var feed = CaseFeed(run)
        while let planned = feed.next() { render(planned) }
        for workflow in run.workflows {
            lines.append("# workflow: \(workflow.name)")
            for step in workflow.steps { render(step) }
        }
        // Notes come first; generation findings are known once every case is made.
        return ["# dry run: nothing is sent"]
            + feed.diagnostics.map { "# \($0.severity): " + singleLine($0.description) } + lines
    }

    /// "# <case id>  expect <outcome>  <summary>", on one line.
    public static func comment(_ testCase: TestCase) -> String {
        "# \(testCase.id)  expect \(testCase.expected)  " + singleLine(testCase.summary)
    }

    /// The request as the curl command every SpecGate output shows.
    public static func curl(_ request: PreparedRequest, baseURL: String, masker: SecretMasker) -> String {
        CurlCommand.render(
            method: request.method, url: url(baseURL, request.pathAndQuery), headers: request.headers,
            body: request.body,
            masker: masker)
    }

    static func url(_ base: String, _ pathAndQuery: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + pathAndQuery
    }

    static func singleLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
