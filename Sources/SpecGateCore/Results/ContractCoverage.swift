/// Contract coverage of a run: per operation, documented statuses observed and enum values seen.
public struct ContractCoverage: Sendable, Hashable {
    public var operations: [OperationCoverage]
    /// `--min-coverage`: the least percentage of documented statuses to observe, when set.
    public var minimumPercent: Double?

    public init(operations: [OperationCoverage], minimumPercent: Double? = nil) {
        self.operations = operations
        self.minimumPercent = minimumPercent
    }

    public var documentedStatuses: Int { operations.reduce(0) { $0 + $1.documented.count } }
    public var observedStatuses: Int { operations.reduce(0) { $0 + $1.observed.count } }

    /// Documented status codes observed, in percent (100 when nothing is documented).
    public var statusPercent: Double {
        documentedStatuses == 0 ? 100 : Double(observedStatuses) * 100 / Double(documentedStatuses)
    }

    /// True when a minimum is set and the run stayed below it.
    public var belowMinimum: Bool {
        guard let minimumPercent else { return false }
        return statusPercent < minimumPercent
    }

    /// Per-operation union of two coverages of the same suite (shards, merged runs).
    public func merged(with other: ContractCoverage) -> ContractCoverage {
        var result = self
        for operation in other.operations {
            guard let i = result.operations.firstIndex(where: { $0.operationID == operation.operationID }) else {
                result.operations.append(operation)
                continue
            }
            var mine = result.operations[i]
            mine.observed = mine.documented.filter { mine.observed.contains($0) || operation.observed.contains($0) }
            mine.undocumented = Array(Set(mine.undocumented).union(operation.undocumented)).sorted()
            for e in operation.enums {
                if let j = mine.enums.firstIndex(where: { $0.location == e.location }) {
                    let seen = Set(mine.enums[j].observed).union(e.observed)
                    mine.enums[j].observed = mine.enums[j].values.filter(seen.contains)
                } else {
                    mine.enums.append(e)
                }
            }
            result.operations[i] = mine
        }
        return result
    }
}
