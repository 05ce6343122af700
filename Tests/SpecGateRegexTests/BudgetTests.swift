import SpecGateRegex
import Testing

@Suite("Step budget")
struct BudgetTests {
    @Test(arguments: [
        ("(a+)+$", String(repeating: "a", count: 30) + "!"),
        ("^(a|aa)+$", String(repeating: "a", count: 40) + "!"),
        ("^(a|a)*b$", String(repeating: "a", count: 35)),
        ("^(\\w+\\s?)*$", "An input with many words that finally ends with a symbol that fails it!"),
        ("(x+x+)+y", String(repeating: "x", count: 40)),
        ("^(?:a*)*b$", String(repeating: "a", count: 10_000)),
        ("^(?=(a+)+$)", String(repeating: "a", count: 30) + "!"),
    ])
    func catastrophicPatternsStopAtTheBudget(_ pattern: String, _ input: String) throws {
        let regex = try ECMARegex(pattern)
        #expect(regex.search(in: input, stepBudget: 1_000_000) == .budgetExceeded)
        #expect(regex.matches(input) == false)
    }

    @Test func budgetCountsAcrossStartPositions() throws {
        let regex = try ECMARegex("a{5}b")
        let input = String(repeating: "a", count: 1_000)
        #expect(regex.search(in: input, stepBudget: 100) == .budgetExceeded)
        #expect(regex.search(in: input, stepBudget: 1_000_000) == .notMatched)
    }

    @Test func aSmallBudgetStillFindsEasyMatches() throws {
        let regex = try ECMARegex("^\\d{4}$")
        #expect(regex.search(in: "2024", stepBudget: 20) == .matched)
        #expect(regex.search(in: "2024", stepBudget: 0) == .budgetExceeded)
    }
}
