import SpecGateJSON

/// `unknown-format` (warning): a `format` the schema engine does not know, so it checks nothing.
public struct UnknownFormatRule: LintRule {
    public static let id = "unknown-format"

    /// Formats the schema engine understands.
    public static let knownFormats: Set<String> = [
        "date-time", "date", "time", "email", "idn-email", "uri", "uri-reference", "iri", "uuid", "ipv4", "ipv6",
        "hostname", "int32", "int64", "float", "double", "byte", "binary", "password", "regex", "duration",
        "json-pointer", "uri-template",
    ]

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
