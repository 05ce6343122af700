import SpecGateJSON

/// Renders a request as a shell-safe curl command, secrets masked by a `SecretMasker`.
public enum CurlCommand {
    public static func render(
        method: HTTPMethod, url: String, headers: [HeaderField], body: [UInt8]?, masker: SecretMasker
    ) -> String {
        let variables = Set(
            masker.secrets.map(\.placeholder).filter { $0.hasPrefix("$") }.map { String($0.dropFirst()) })
        var parts = ["curl", "-sS", "-X", method.wireName, quote(masker.mask(url), keeping: variables)]
        for header in headers {
            let value = masker.maskHeader(name: header.name, value: header.value)
            parts.append("-H")
            parts.append(quote(header.name + ": " + value, keeping: variables))
        }
        if let body {
            let text = String(decoding: body, as: UTF8.self)
            parts.append("--data-binary")
            parts.append(quote(masker.mask(text), keeping: variables))
        }
        return parts.joined(separator: " ")
    }

    /// Single-quotes `text` for a POSIX shell, except the `$NAME` placeholders listed in `variables`, which
    /// are put in double quotes so the shell expands them from the environment.
    public static func quote(_ text: String, keeping variables: Set<String> = []) -> String {
        var out = ""
        var literal = ""
        var chars = Array(text)[...]
        func flushLiteral() {
            if !literal.isEmpty {
                out += "'" + literal.replacingAll("'", with: "'\\''") + "'"
                literal = ""
            }
        }
        while let c = chars.first {
            if c == "$",
                let name = variables.sorted(by: { $0.count > $1.count }).first(where: {
                    chars.dropFirst().starts(with: $0)
                })
            {
                chars = chars.dropFirst(1 + name.count)
                flushLiteral()
                out += "\"$" + name + "\""
                continue
            }
            literal.append(c)
            chars = chars.dropFirst()
        }
        flushLiteral()
        return out.isEmpty ? "''" : out
    }
}
