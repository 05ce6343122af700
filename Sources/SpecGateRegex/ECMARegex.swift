// INTERIM: this file is a placeholder with the final public API; the ECMA-262 engine replaces it.

/// Why a pattern is not a valid ECMA-262 regular expression.
public struct RegexSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var pattern: String
    /// Character offset in the pattern where the problem was found.
    public var offset: Int
    public var message: String

    public init(pattern: String, offset: Int, message: String) {
        self.pattern = pattern
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid regular expression /\(pattern)/ at \(offset): \(message)" }
}

/// Outcome of a search, bounded in steps so a catastrophic pattern cannot hang the caller.
public enum RegexSearchResult: Sendable, Hashable {
    case matched
    case notMatched
    /// The step budget ran out before an answer was found.
    case budgetExceeded
}

/// An ECMA-262 regular expression as JSON Schema and OpenAPI `pattern` use it (unanchored search, `u` flag).
public struct ECMARegex: Sendable, Hashable {
    public let pattern: String

    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        do {
            _ = try Regex(pattern)
        } catch {
            throw RegexSyntaxError(pattern: pattern, offset: 0, message: "\(error)")
        }
    }

    /// Searches anywhere in `string` (JSON Schema `pattern` semantics).
    public func search(in string: String, stepBudget: Int = 1_000_000) -> RegexSearchResult {
        guard let regex = try? Regex(pattern) else { return .notMatched }
        return string.contains(regex) ? .matched : .notMatched
    }

    /// Convenience: true only for `.matched`.
    public func matches(_ string: String) -> Bool { search(in: string) == .matched }
}
