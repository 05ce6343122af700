import Foundation
import SpecGateCore
import SpecGateJSON

/// Writes `specgate suggest`'s overlay (YAML) and says what was refused.
public enum SuggestWriter {
    /// The overlay as YAML, masked once more (reports are already masked).
    public static func yaml(_ suggestion: OverlaySuggester.Suggestion, masker: SecretMasker = SecretMasker())
        throws(RunError) -> String
    {
        do {
            return masker.mask(try YAMLWriter().string(suggestion.overlay))
        } catch {
            throw RunError(error.description)
        }
    }

    /// Lines explaining each refused finding.
    public static func refusalLines(_ suggestion: OverlaySuggester.Suggestion) -> [String] {
        suggestion.refusals.map { "refused [\($0.fingerprint)] \($0.check) — \($0.operationName): \($0.reason)" }
    }

    public static func write(_ suggestion: OverlaySuggester.Suggestion, toPath path: String) throws(RunError) {
        let text = try yaml(suggestion)
        do {
            try ReportWriter.createParent(of: path)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RunError("cannot write \(path): \(error)")
        }
    }
}
