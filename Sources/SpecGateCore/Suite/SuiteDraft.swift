import SpecGateJSON

/// A first suite for an OpenAPI document (`specgate init`): base URL, authentication, fixed headers,
/// secrets and tags derived from the spec, rendered as a commented suite file plus an empty overlay.
public struct SuiteDraft: Sendable {
    public var name: String
    /// The spec, relative to the suite file.
    public var specReference: String
    /// The overlay file, relative to the suite file.
    public var overlayReference: String
    /// `servers[0]` with its variables at their defaults, when it is an absolute http(s) URL.
    public var baseURL: String?
    /// The first server as written when it cannot be a base URL (relative), for the comment.
    public var unusableServer: String?
    public var auth: SuiteAuth?
    /// Where the auth came from ("security scheme bearerAuth", "required header parameter Authorization").
    public var authOrigin: String?
    /// Headers every operation requires with one and the same fixed value.
    public var headers: [HeaderField]
    /// Credential-like header parameters other than the auth header: masked in every output.
    public var secrets: [String]
    /// Every tag, in order of first use.
    public var tags: [String]
    /// Operations without a tag (then `include` is left out so that they are tested too).
    public var untaggedOperations: Int
    public var title: String
    public var version: String

    /// Header parameter names that carry credentials (lower-cased).
    static let authHeaderNames = [
        "authorization", "x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token", "x-api-token", "x-token",
    ]

    /// Derives a draft from `spec` (all its operations).
    public init(spec: APISpec, name: String, specReference: String, overlayReference: String = "overlay.yaml") {
        self.name = name
        self.specReference = specReference
        self.overlayReference = overlayReference
        self.title = spec.title
        self.version = spec.version
        if let server = spec.servers.first {
            if server.hasPrefix("http://") || server.hasPrefix("https://") {
                baseURL = server.hasSuffix("/") ? String(server.dropLast()) : server
            } else {
                unusableServer = server
            }
        }
        let envName = SuiteDraft.environmentPrefix(name)
        (auth, authOrigin) = SuiteDraft.auth(spec, environmentPrefix: envName)
        let authHeader = auth?.header?.lowercased()
        headers = SuiteDraft.fixedHeaders(spec).filter { $0.name.lowercased() != authHeader }
        var secrets: [String] = []
        var seen: Set<String> = authHeader.map { [$0] } ?? []
        for operation in spec.operations {
            for parameter in operation.parameters(in: .header) where SuiteDraft.isCredential(parameter.name) {
                if seen.insert(parameter.name.lowercased()).inserted { secrets.append(parameter.name) }
            }
        }
        self.secrets = secrets
        var tags: [String] = []
        for operation in spec.operations {
            for tag in operation.tags where !tags.contains(tag) { tags.append(tag) }
        }
        self.tags = tags
        untaggedOperations = spec.operations.filter(\.tags.isEmpty).count
    }

    /// "My API v2" → "MY_API_V2": the prefix of the suite's environment variables.
    public static func environmentPrefix(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            let isAlphanumeric =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            result +=
                isAlphanumeric ? String(scalar).uppercased() : (result.hasSuffix("_") || result.isEmpty ? "" : "_")
        }
        while result.hasSuffix("_") { result.removeLast() }
        if result.isEmpty || result.first.map({ ("0"..."9").contains($0) }) == true {
            result = "API" + (result.isEmpty ? "" : "_" + result)
        }
        return result
    }

    /// "Cal.com API v2" → "cal-com-api-v2": a folder and suite name.
    public static func slug(_ title: String) -> String {
        var result = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    static func isCredential(_ header: String) -> Bool {
        let name = header.lowercased()
        return authHeaderNames.contains(name)
            || ["secret", "token", "password", "api-key", "apikey"].contains { name.contains($0) }
    }

    // MARK: Derivation

    /// The auth of the most used security scheme (or, when none is declared, of the most required
    /// credential header parameter).
    static func auth(_ spec: APISpec, environmentPrefix prefix: String) -> (SuiteAuth?, String?) {
        var uses: [String: Int] = [:]
        for operation in spec.operations {
            for requirement in operation.security {
                for name in requirement.schemes.keys { uses[name, default: 0] += 1 }
            }
        }
        let candidates = spec.securitySchemes.keys.sorted { (uses[$0] ?? 0, $1) > (uses[$1] ?? 0, $0) }
        for name in candidates {
            guard let scheme = spec.securitySchemes[name] else { continue }
            let origin = "security scheme \(name)"
            switch scheme.kind {
            case .http where scheme.scheme == "basic":
                return (SuiteAuth(type: .basic, env: prefix + "_CREDENTIALS"), origin)
            case .http where scheme.scheme == "bearer":
                return (SuiteAuth(type: .bearer, env: prefix + "_API_KEY"), origin)
            case .oauth2, .openIdConnect:
                return (SuiteAuth(type: .bearer, env: prefix + "_ACCESS_TOKEN"), origin)
            case .apiKey where scheme.location == .header:
                return (SuiteAuth(type: .header, header: scheme.parameterName, env: prefix + "_API_KEY"), origin)
            case .apiKey where scheme.location == .query:
                return (SuiteAuth(type: .query, queryName: scheme.parameterName, env: prefix + "_API_KEY"), origin)
            default:
                continue
            }
        }
        var required: [String: (name: String, count: Int)] = [:]
        for operation in spec.operations {
            for parameter in operation.parameters(in: .header) where parameter.required {
                let key = parameter.name.lowercased()
                guard authHeaderNames.contains(key) else { continue }
                required[key] = (required[key]?.name ?? parameter.name, (required[key]?.count ?? 0) + 1)
            }
        }
        guard let (key, header) = required.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else {
            return (nil, nil)
        }
        let origin =
            "required header parameter \(header.name) (\(header.count) operation\(header.count == 1 ? "" : "s"))"
        if key == "authorization" {
            return (SuiteAuth(type: .bearer, header: header.name, env: prefix + "_API_KEY"), origin)
        }
        return (SuiteAuth(type: .header, header: header.name, env: prefix + "_API_KEY"), origin)
    }

    /// Header parameters that every operation requires with the same single `const`, one-value `enum`
    /// or `default`.
    static func fixedHeaders(_ spec: APISpec) -> [HeaderField] {
        guard let first = spec.operations.first else { return [] }
        var result: [HeaderField] = []
        for parameter in first.parameters(in: .header) where parameter.required {
            guard let value = fixedValue(parameter, in: spec) else { continue }
            let common = spec.operations.allSatisfy { operation in
                operation.parameters(in: .header).contains {
                    $0.key == parameter.key && $0.required && fixedValue($0, in: spec) == value
                }
            }
            if common { result.append(HeaderField(name: parameter.name, value: value)) }
        }
        return result
    }

    private static func fixedValue(_ parameter: ParameterSpec, in spec: APISpec) -> String? {
        guard let location = parameter.schema,
            case .object(let schema)? = spec.documents.value(
                at: ReferenceResolver.following(location, in: spec.documents))
        else { return nil }
        let value: JSONValue?
        if let constant = schema["const"] {
            value = constant
        } else if let values = schema["enum"]?.arrayValue, values.count == 1 {
            value = values[0]
        } else {
            value = schema["default"]
        }
        switch value {
        case .string(let text)?: return text
        case .number(let number)?: return number.description
        case .bool(let flag)?: return flag ? "true" : "false"
        default: return nil
        }
    }

    // MARK: Rendering

    /// The suite file, every key with a comment.
    public func suiteText() -> String {
        var lines: [String] = [
            "# SpecGate suite for \(title.isEmpty ? name : title)\(version.isEmpty ? "" : " " + version), written by `specgate init`.",
            "# The full format is in README.md (\"Suite file\").",
            "",
            "# The suite's name, shown in every report.",
            "name: \(SuiteDraft.quoted(name))",
            "# The OpenAPI document, relative to this file.",
            "spec: \(SuiteDraft.quoted(specReference))",
            "# OpenAPI Overlay 1.0 documents applied to the spec in order: repair the spec there, never in the spec itself.",
            "overlays: [\(SuiteDraft.quoted(overlayReference))]",
        ]
        if let baseURL {
            lines += [
                "# Where requests go: the spec's first server (variables at their defaults); --base-url overrides.",
                "baseURL: \(SuiteDraft.quoted(baseURL))",
            ]
        } else if let unusableServer {
            lines += [
                "# The spec's first server (\(unusableServer)) is not an absolute URL: set baseURL or pass --base-url.",
                "# baseURL: https://api.example.com",
            ]
        } else {
            lines += [
                "# The spec lists no servers: set baseURL or pass --base-url to `specgate run`.",
                "# baseURL: https://api.example.com",
            ]
        }
        if !headers.isEmpty {
            lines.append("# Sent on every request: headers every operation requires with this one value.")
            lines.append("headers:")
            for header in headers {
                lines.append("  \(SuiteDraft.quoted(header.name)): \(SuiteDraft.quoted(header.value))")
            }
        }
        if let auth {
            lines.append(
                "# How requests authenticate (from the \(authOrigin ?? "spec")). The secret is read from $\(auth.env)")
            lines.append(
                "# at run time and masked in every output\(auth.type == .basic ? "; it is \"user:password\"" : "").")
            lines.append("auth:")
            lines.append("  type: \(auth.type.rawValue)")
            if let header = auth.header { lines.append("  header: \(SuiteDraft.quoted(header))") }
            if let query = auth.queryName { lines.append("  query: \(SuiteDraft.quoted(query))") }
            lines.append("  env: \(auth.env)")
        } else {
            lines.append(
                "# The spec declares no authentication; add `auth: {type: bearer, env: MY_TOKEN}` if the API needs one."
            )
        }
        if !secrets.isEmpty {
            lines.append(
                "# Further credential headers: their values are masked in every output (set them as environment")
            lines.append("# variables of the same name to have the values masked too).")
            lines.append("secrets: [\(secrets.map(SuiteDraft.quoted).joined(separator: ", "))]")
        }
        if tags.isEmpty {
            lines.append(
                "# The spec uses no tags: every operation is tested. Narrow with include/exclude (tags, operations, paths, methods)."
            )
        } else if untaggedOperations > 0 {
            lines.append(
                "# \(untaggedOperations) operation\(untaggedOperations == 1 ? " has" : "s have") no tag, so no `include` is written: every operation is tested."
            )
            lines.append("# Tags: \(tags.joined(separator: ", "))")
        } else {
            lines.append(
                "# Which operations are tested: every tag of the spec. Remove tags (or add `exclude:`) to narrow the run."
            )
            lines.append("include:")
            lines.append("  tags:")
            for tag in tags { lines.append("    - \(SuiteDraft.quoted(tag))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An overlay with no actions, commented.
    public func overlayText() -> String {
        """
        # OpenAPI Overlay 1.0: repairs applied to the spec before SpecGate reads it (`specgate lint` on the
        # suite shows what needs repairing). An action is {target: <JSONPath>, update: {...}} or
        # {target: <JSONPath>, remove: true}, with a `description` of why.
        overlay: 1.0.0
        info:
          title: \(SuiteDraft.quoted(name + " repairs"))
          version: 1.0.0
        actions: []

        """
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func quoted(_ text: String) -> String {
        JSONWriter.compact(.string(text))
    }
}
