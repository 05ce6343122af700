import SpecGateJSON
import SpecGateRegex

/// `invalid-pattern` (error): a `pattern` (or `patternProperties` key) that is not a usable ECMA-262
/// regular expression: a syntax error, a JavaScript literal with `/…/` delimiters, or a constant's
/// name such as `TIME_FORMAT_HH_MM` left where the expression should be.
public struct InvalidPatternRule: LintRule {
    public static let id = "invalid-pattern"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for location in context.schemas {
            guard case .object(let schema)? = context.schema(at: location) else { continue }
            if case .string(let pattern)? = schema["pattern"], let problem = InvalidPatternRule.problem(with: pattern) {
                findings.append(
                    LintFinding(
                        rule: Self.id, severity: .error, location: location.appending("pattern"), message: problem))
            }
            if case .object(let patterns)? = schema["patternProperties"] {
                for (pattern, _) in patterns {
                    guard let problem = InvalidPatternRule.problem(with: pattern) else { continue }
                    findings.append(
                        LintFinding(
                            rule: Self.id, severity: .error,
                            location: location.appending("patternProperties").appending(pattern), message: problem))
                }
            }
        }
        return findings
    }

    /// Why `pattern` is not a usable regular expression, or nil when it is fine.
    public static func problem(with pattern: String) -> String? {
        do {
            _ = try ECMARegex(pattern)
        } catch {
            return "\(JSONWriter.quote(pattern)) is not a valid ECMA-262 regular expression: \(error.message)"
        }
        if let body = delimitedBody(pattern) {
            return "\(JSONWriter.quote(pattern)) is a JavaScript regex literal; the slashes are matched literally. "
                + "Remove the delimiters: \(JSONWriter.quote(body))"
        }
        if looksLikeConstantName(pattern) {
            return "\(JSONWriter.quote(pattern)) looks like a constant name, not a regular expression"
        }
        return nil
    }

    /// `/body/flags` → body, for a pattern written as a JavaScript literal.
    static func delimitedBody(_ pattern: String) -> String? {
        guard pattern.count >= 3, pattern.hasPrefix("/") else { return nil }
        var rest = pattern.dropFirst()
        while let last = rest.last, "dgimsuvy".contains(last) { rest = rest.dropLast() }
        guard rest.count >= 2, rest.hasSuffix("/"), !rest.hasSuffix("\\/") else { return nil }
        return String(rest.dropLast())
    }

    /// An upper-case identifier with underscores, e.g. `TIME_FORMAT_HH_MM`.
    static func looksLikeConstantName(_ pattern: String) -> Bool {
        guard let first = pattern.unicodeScalars.first, first >= "A" && first <= "Z", pattern.contains("_") else {
            return false
        }
        return pattern.unicodeScalars.allSatisfy { ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }
}
