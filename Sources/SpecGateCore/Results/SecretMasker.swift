import SpecGateJSON

/// Replaces secret values with placeholders in every text SpecGate prints or writes.
///
/// Each secret is shown as `$NAME` (the environment variable it came from) so a curl command stays
/// copy-pasteable; credentials in `Authorization`-like headers are masked even when they are not a
/// configured secret (e.g. generated unknown keys), keeping the scheme visible.
public struct SecretMasker: Sendable {
    public struct Secret: Sendable, Hashable {
        public var value: String
        public var placeholder: String

        public init(value: String, placeholder: String) {
            self.value = value
            self.placeholder = placeholder
        }
    }

    public private(set) var secrets: [Secret]
    /// Header names (lower-cased) whose values are always masked.
    public var sensitiveHeaders: Set<String>

    public init(secrets: [Secret] = [], sensitiveHeaders: Set<String> = SecretMasker.defaultSensitiveHeaders) {
        // Longest first, so a secret that contains another is replaced whole. Very short values are
        // not masked by text (they would mangle unrelated output) but still in sensitive headers.
        self.secrets = secrets.filter { $0.value.count >= 4 }.sorted { $0.value.count > $1.value.count }
        self.sensitiveHeaders = sensitiveHeaders
    }

    public static let defaultSensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "x-auth-token",
    ]

    public mutating func add(_ secret: Secret) {
        self = SecretMasker(secrets: secrets + [secret], sensitiveHeaders: sensitiveHeaders)
    }

    /// The diagnostic with its message masked.
    public func mask(_ diagnostic: Diagnostic) -> Diagnostic {
        var masked = diagnostic
        masked.message = mask(diagnostic.message)
        return masked
    }

    /// Every secret value in `text` replaced by its placeholder; so is the start of a secret that a clipped
    /// excerpt cut off (at least 4 characters of it right before the `…` that marks the cut).
    public func mask(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret.value) {
            out = out.replacingAll(secret.value, with: secret.placeholder)
        }
        if out.contains(SecretMasker.clipMarker) { out = maskClipped(out) }
        return out
    }

    /// The inverse of ``mask(_:)`` for configured secrets: every placeholder replaced by its secret (longest
    /// placeholder first), for re-sending a stored request (`specgate replay`). Never print the result.
    public func unmask(_ text: String) -> String {
        var out = text
        for secret in secrets.sorted(by: { $0.placeholder.count > $1.placeholder.count })
        where out.contains(secret.placeholder) {
            out = out.replacingAll(secret.placeholder, with: secret.value)
        }
        return out
    }

    /// What SpecGate appends where it cuts a long text.
    public static let clipMarker: Character = "…"

    /// Replaces a secret's first characters (4 or more) that end right at a clip marker.
    private func maskClipped(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let marker = rest.firstIndex(of: SecretMasker.clipMarker) {
            var before = String(rest[..<marker])
            for secret in secrets {
                let value = Array(secret.value)
                guard value.count > 4 else { continue }
                if let k = stride(from: value.count - 1, through: 4, by: -1).first(where: {
                    before.hasSuffix(String(value[0..<$0]))
                }) {
                    before = String(before.dropLast(k)) + secret.placeholder
                    break
                }
            }
            out += before + String(SecretMasker.clipMarker)
            rest = rest[rest.index(after: marker)...]
        }
        return out + rest
    }

    /// A header value as it may be shown.
    public func maskHeader(name: String, value: String) -> String {
        let masked = mask(value)
        guard sensitiveHeaders.contains(name.lowercased()) else { return masked }
        if masked != value { return masked }
        // Not a configured secret: keep the scheme ("Bearer"), hide the credential.
        let parts = value.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0].allSatisfy(\.isLetter) {
            return String(parts[0]) + " " + SecretMasker.redacted
        }
        return value.isEmpty ? value : SecretMasker.redacted
    }

    public static let redacted = "***"
}
