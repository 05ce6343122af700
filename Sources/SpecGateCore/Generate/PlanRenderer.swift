/// Renders generated cases as a reviewable plan: a comment line per case followed by an equivalent
/// `curl` command, with the secret replaced by its environment variable (`$CAL_API_KEY`).
public struct PlanRenderer: Sendable {
    public var baseURL: String
    public var credential: Credential?
    /// Further secret values and the variable each is shown as (suite `secrets`), in order.
    public var secrets: [(value: String, variable: String)]

    public init(baseURL: String, credential: Credential?, secrets: [(value: String, variable: String)] = []) {
        self.baseURL = baseURL
        self.credential = credential
        self.secrets = secrets
    }

    /// Every (secret, variable) pair to mask: the credential's first, longest values first after it.
    private var masks: [(value: String, variable: String)] {
        var out: [(value: String, variable: String)] = []
        if let credential, !credential.secret.isEmpty {
            out.append((credential.secret, credential.envVar ?? "SPECGATE_SECRET"))
        }
        out += secrets.filter { !$0.value.isEmpty }.sorted { $0.value.count > $1.value.count }
        return out
    }

    /// The whole plan: seed header, findings, then every case.
    public func render(seed: UInt64, caseSets: [CaseSet]) -> String {
        var out = "# specgate plan, seed \(seed)\n"
        let total = caseSets.reduce(0) { $0 + $1.cases.count }
        out += "# \(total) cases for \(caseSets.count) operations\n"
        for set in caseSets {
            for finding in set.findings { out += "# finding: " + Self.singleLine(finding.description) + "\n" }
        }
        for set in caseSets {
            for c in set.cases { out += "\n" + render(c) }
        }
        return out
    }

    /// "# <id>  expect <outcome>  <summary>" and the curl command.
    public func render(_ testCase: TestCase) -> String {
        var out = "# " + testCase.id + "  expect " + testCase.expected.description + "  " + Self.singleLine(testCase.summary) + "\n"
        let r = testCase.request
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        var words = ["curl", "-sS", "-X", r.method.wireName, Self.quote(base + r.pathAndQuery)]
        for h in r.headers {
            words.append("-H")
            words.append(quoteMasked(h.name + ": " + h.value))
        }
        if let body = r.body {
            words.append("--data-binary")
            words.append(quoteMasked(String(decoding: body, as: UTF8.self)))
        }
        out += words.joined(separator: " ") + "\n"
        return out
    }

    /// Single-quoted for POSIX shells.
    public static func quote(_ text: String) -> String {
        if !text.isEmpty, text.utf8.allSatisfy({ PercentEncoding.isUnreserved($0) || "/:=@%+,".utf8.contains($0) }) { return text }
        var out = "'"
        for c in text {
            if c == "'" { out += "'\\''" } else { out.append(c) }
        }
        return out + "'"
    }

    /// Quoted, with every occurrence of a secret replaced by a `$VAR` reference (double quotes).
    func quoteMasked(_ text: String) -> String {
        let active = masks.filter { text.contains($0.value) }
        guard !active.isEmpty else { return Self.quote(text) }
        var out = "\""
        var rest = Substring(text)
        while !rest.isEmpty {
            let hits = active.compactMap { mask in rest.firstRange(of: mask.value).map { (range: $0, variable: mask.variable) } }
            guard let hit = hits.min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { break }
            let next = rest[hit.range.upperBound...].first
            let braced = next.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
            out += Self.escapeForDoubleQuotes(rest[..<hit.range.lowerBound]) + (braced ? "${" + hit.variable + "}" : "$" + hit.variable)
            rest = rest[hit.range.upperBound...]
        }
        return out + Self.escapeForDoubleQuotes(rest) + "\""
    }

    static func escapeForDoubleQuotes(_ text: Substring) -> String {
        var out = ""
        for c in text {
            if c == "\"" || c == "\\" || c == "$" || c == "`" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func singleLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
