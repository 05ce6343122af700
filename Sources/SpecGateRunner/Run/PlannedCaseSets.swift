import SpecGateCore

/// `specgate plan` on a prepared run: the cases `run` would send, in its order, grouped by operation,
/// with the suite applied (parameter and body values, expectations, scenario cases) and each operation's
/// generation findings. Workflows are not cases; `run --dry-run` shows their steps.
public enum PlannedCaseSets {
    public static func make(_ run: PreparedRun) -> [CaseSet] {
        var feed = CaseFeed(run)
        var sets: [CaseSet] = run.plans.map { CaseSet(operationID: $0.operation.id) }
        let index = Dictionary(run.plans.enumerated().map { ($1.operation.id, $0) }, uniquingKeysWith: { first, _ in first })
        while let planned = feed.next() {
            guard let i = index[planned.operation.id] else { continue }
            sets[i].cases.append(planned.testCase)
        }
        for (i, findings) in feed.findings.enumerated() where i < sets.count { sets[i].findings = findings }
        return sets
    }
}
