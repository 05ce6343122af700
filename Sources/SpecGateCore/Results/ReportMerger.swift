/// Combines the reports of shards (or any runs of one suite) into one: operations concatenated in
/// order, findings deduplicated by fingerprint with their occurrences summed, counts summed.
/// An operation in several reports (a producer judged in another shard for its linked identifiers)
/// becomes one, with cases, exchanges and findings added up.
public enum ReportMerger {
    /// The merged report; nil when `reports` is empty. Metadata (suite, spec, base URL, seed, tool)
    /// comes from the first report; the start time is the earliest, the duration the longest (shards
    /// run side by side); the merged report has no shard and is incomplete when any part was.
    public static func merge(_ reports: [RunReport]) -> RunReport? {
        guard var merged = reports.first else { return nil }
        merged.shard = nil
        var findingIndex: [String: Int] = [:]
        for (i, finding) in merged.findings.enumerated() { findingIndex[finding.fingerprint] = i }
        var seenDiagnostics = Set(merged.diagnostics)
        var seenChecks = Set(merged.checks)
        for report in reports.dropFirst() {
            for operation in report.operations {
                if let i = merged.operations.firstIndex(where: { $0.operationID == operation.operationID }) {
                    merged.operations[i] = combine(merged.operations[i], operation)
                } else {
                    merged.operations.append(operation)
                }
            }
            for finding in report.findings {
                if let i = findingIndex[finding.fingerprint] {
                    merged.findings[i].occurrences += finding.occurrences
                    merged.findings[i].flaky = merged.findings[i].flaky && finding.flaky
                } else {
                    findingIndex[finding.fingerprint] = merged.findings.count
                    merged.findings.append(finding)
                }
            }
            for diagnostic in report.diagnostics where seenDiagnostics.insert(diagnostic).inserted {
                merged.diagnostics.append(diagnostic)
            }
            for check in report.checks where seenChecks.insert(check).inserted { merged.checks.append(check) }
            merged.requests += report.requests
            merged.transportErrors += report.transportErrors
            merged.incomplete = merged.incomplete || report.incomplete
            merged.startedAt = min(merged.startedAt, report.startedAt)
            merged.durationMilliseconds = max(merged.durationMilliseconds, report.durationMilliseconds)
            if merged.suitePath == nil { merged.suitePath = report.suitePath }
            if let coverage = report.coverage {
                merged.coverage = merged.coverage.map { $0.merged(with: coverage) } ?? coverage
            }
        }
        merged.baseline = mergeBaselines(reports.compactMap(\.baseline), findings: Set(findingIndex.keys))
        return merged
    }

    static func combine(_ a: OperationResult, _ b: OperationResult) -> OperationResult {
        var result = a
        result.validCases += b.validCases
        result.invalidCases += b.invalidCases
        result.errors += b.errors
        result.durationMilliseconds += b.durationMilliseconds
        for check in b.checks {
            guard let i = result.checks.firstIndex(where: { $0.name == check.name }) else {
                result.checks.append(check)
                continue
            }
            var merged = result.checks[i]
            merged.judged += check.judged
            merged.failedExchanges += check.failedExchanges
            for fingerprint in check.findings where !merged.findings.contains(fingerprint) {
                merged.findings.append(fingerprint)
            }
            let order: [CheckResult.Status] = [.failed, .passed, .error, .skipped]
            let statuses = [merged.status, check.status]
            merged.status = order.first(where: statuses.contains) ?? merged.status
            merged.reason = merged.status == result.checks[i].status ? result.checks[i].reason : check.reason
            result.checks[i] = merged
        }
        return result
    }

    /// Baselined fingerprints and expired entries are united; an entry is fixed only when no part saw it.
    static func mergeBaselines(_ parts: [BaselineComparison], findings: Set<String>) -> BaselineComparison? {
        guard var merged = parts.first else { return nil }
        var baselined = Set(merged.baselined)
        var fixed = Set(merged.fixed.map(\.fingerprint))
        var expired = Set(merged.expired.map(\.fingerprint))
        for part in parts.dropFirst() {
            for fingerprint in part.baselined where baselined.insert(fingerprint).inserted {
                merged.baselined.append(fingerprint)
            }
            for entry in part.fixed where fixed.insert(entry.fingerprint).inserted { merged.fixed.append(entry) }
            for entry in part.expired where expired.insert(entry.fingerprint).inserted { merged.expired.append(entry) }
        }
        merged.fixed.removeAll { findings.contains($0.fingerprint) }
        return merged
    }
}
