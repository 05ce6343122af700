import SpecGateJSON

/// `overlapping-oneof` (error): a `oneOf` whose branches overlap, shown by an instance generated
/// for one branch that another branch accepts too; `oneOf` then rejects such instances although each
/// branch alone allows them (use `anyOf`, a discriminator or `additionalProperties: false`).
public struct OverlappingOneOfRule: LintRule {
    public static let id = "overlapping-oneof"

    /// Instances generated per branch.
    public var samplesPerBranch: Int

    public init(samplesPerBranch: Int = 6) {
        self.samplesPerBranch = samplesPerBranch
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        var detector = OneOfOverlapDetector(
            documents: context.documents, dialect: context.isOpenAPI30 ? .openAPI30 : .jsonSchema2020_12,
            direction: .neutral, samplesPerBranch: samplesPerBranch)
        var findings: [LintFinding] = []
        for location in context.schemas {
            guard case .array? = context.schema(at: location)?["oneOf"] else { continue }
            // One finding per oneOf: the overlapping pair with the shortest witness.
            let overlaps = detector.overlaps(in: location)
            guard
                let overlap = overlaps.min(by: {
                    JSONWriter.compact($0.witness).utf8.count < JSONWriter.compact($1.witness).utf8.count
                })
            else { continue }
            let pairs = overlaps.count > 1 ? " (\(overlaps.count) overlapping branch pairs in all)" : ""
            findings.append(
                LintFinding(
                    rule: Self.id, severity: .error, location: location,
                    message: "oneOf branches \(overlap.first.pointer) and \(overlap.second.pointer) overlap: "
                        + JSONWriter.compact(overlap.witness) + " satisfies both" + pairs))
        }
        return findings.sorted()
    }
}
