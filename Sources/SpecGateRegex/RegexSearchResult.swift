/// Outcome of a search, bounded in steps so a catastrophic pattern cannot hang the caller.
public enum RegexSearchResult: Sendable, Hashable {
    case matched
    case notMatched
    /// The step budget ran out before an answer was found.
    case budgetExceeded
}
