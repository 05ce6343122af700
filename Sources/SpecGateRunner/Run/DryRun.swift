import SpecGateCore

/// `run --dry-run`: every planned request as a comment line and a curl command; nothing is sent.
/// Linked identifiers are shown with their generated stand-ins (a real run replaces them).
public enum DryRun {
    public static func lines(_ run: PreparedRun) -> [String] {
        var lines: [String] = []
        func render(_ planned: PlannedCase) {
            let request = planned.testCase.request
            lines.append("# \(planned.testCase.id)  expect \(planned.testCase.expected)  \(planned.testCase.summary)")
            lines.append(
                CurlCommand.render(
                    method: request.method, url: url(run.baseURL, request.pathAndQuery), headers: request.headers,
                    body: request.body, masker: run.masker))
        }
        var feed = CaseFeed(run)
        while let planned = feed.next() { render(planned) }
        for workflow in run.workflows {
            lines.append("# workflow: \(workflow.name)")
            for step in workflow.steps { render(step) }
        }
        // Notes come first; generation findings are known once every case is made.
        return ["# dry run: nothing is sent"] + feed.notes.map { "# note: " + $0 } + lines
    }

    static func url(_ base: String, _ pathAndQuery: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + pathAndQuery
    }
}
