/// Outcome of a search, bounded in steps so a catastrophic pattern cannot hang the caller.
public enum RegexSearchResult: Sendable, Hashable {
    /// A match was found somewhere in the string.
    case matched
    /// No position in the string starts a match.
    case notMatched
    /// The step budget ran out before an answer was found.
    case budgetExceeded
}
