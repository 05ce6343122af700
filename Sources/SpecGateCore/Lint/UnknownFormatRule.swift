import SpecGateJSON
import SpecGateSchema

/// `unknown-format` (warning): a `format` the schema engine does not know, so it checks nothing.
public struct UnknownFormatRule: LintRule {
    public static let id = "unknown-format"

    /// Formats the schema engine checks (the engine is the single source of truth).
    public static var knownFormats: Set<String> { FormatChecker.knownFormats }

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        context.schemas.compactMap { location in
            guard case .string(let format)? = context.schema(at: location)?["format"],
                !UnknownFormatRule.knownFormats.contains(format)
            else { return nil }
            return LintFinding(
                rule: Self.id, severity: .warning, location: location.appending("format"),
                message: "unknown format \(JSONWriter.quote(format)): values are not checked against it")
        }
    }
}
