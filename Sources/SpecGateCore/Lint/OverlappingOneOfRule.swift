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
            for overlap in detector.overlaps(in: location) {
                findings.append(
                    LintFinding(
                        rule: Self.id, severity: .error, location: location,
                        message: "oneOf branches \(overlap.first.pointer) and \(overlap.second.pointer) overlap: "
                            + JSONWriter.compact(overlap.witness) + " satisfies both"))
            }
        }
        return findings.sorted()
    }
}
