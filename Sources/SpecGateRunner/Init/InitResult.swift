import SpecGateCore

/// What `specgate init` wrote, and the lint of the new suite.
public struct InitResult: Sendable {
    /// The suite folder, as given or defaulted (relative paths stay relative).
    public var directory: String
    public var suitePath: String
    public var overlayPath: String
    /// How the suite names the spec (relative path, or the copied file name).
    public var specReference: String
    public var draft: SuiteDraft
    /// Lint findings of the new suite (overlay applied, operations included).
    public var findings: [LintFinding]

    public init(
        directory: String, suitePath: String, overlayPath: String, specReference: String, draft: SuiteDraft,
        findings: [LintFinding]
    ) {
        self.directory = directory
        self.suitePath = suitePath
        self.overlayPath = overlayPath
        self.specReference = specReference
        self.draft = draft
        self.findings = findings
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
}
