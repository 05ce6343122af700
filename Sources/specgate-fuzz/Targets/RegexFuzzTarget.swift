import SpecGateCore
import SpecGateRegex

/// Fuzzes the ECMA-262 regex engine. The first line is a pattern, the rest a subject string. The
/// search must be deterministic; a generated match must match and a generated non-match must not.
enum RegexFuzzTarget {
    static let budget = 20_000

    static func run(_ input: [UInt8]) -> [String] {
        let (head, rest) = FuzzInput.splitFirstLine(input)
        let pattern = String(decoding: head, as: UTF8.self)
        guard pattern.unicodeScalars.count <= 256, let regex = try? ECMARegex(pattern) else { return [] }
        var problems: [String] = []
        let subject = String(decoding: rest, as: UTF8.self)
        let first = regex.search(in: subject, stepBudget: budget)
        if regex.search(in: subject, stepBudget: budget) != first {
            problems.append("/\(pattern)/: search is not deterministic")
        }
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: input.count))
        if let match = regex.generateMatch(using: &rng, maxRepeat: 4),
            regex.search(in: match, stepBudget: budget) == .notMatched
        {
            problems.append("/\(pattern)/: generated match \(debug(match)) does not match")
        }
        if let nonMatch = regex.generateNonMatch(using: &rng),
            regex.search(in: nonMatch, stepBudget: budget) == .matched
        {
            problems.append("/\(pattern)/: generated non-match \(debug(nonMatch)) matches")
        }
        return problems
    }

    private static func debug(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\""
    }
}
