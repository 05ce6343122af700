import SpecGateJSON

/// The base URL a spec's first server gives: its variables replaced (values given by the user, else the
/// variables' defaults), and a relative URL (`/api`, `api/v1`, `//host/x`) resolved against the URL the
/// document was served from, as OpenAPI 3 defines it. A spec without servers is served from `/`.
public enum ServerURL {
    /// What the first server of a document comes to.
    public enum Resolution: Sendable, Hashable {
        /// An absolute URL without a trailing slash (also any other scheme, which the caller refuses).
        case absolute(String)
        /// A relative server URL in a document that was not served over HTTP (a local file): only the user
        /// can say where it is served.
        case relative(String)
        /// No servers, in a local file.
        case none
    }

    /// Why the server URL cannot be made (the user gave a variable the server does not have, a value outside
    /// its `enum`, or a variable has no default).
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The first server of `root` (a document at `documentURI`) with `variables` (name → value) applied.
    public static func resolve(
        root: JSONValue, documentURI: String, variables: [String: String] = [:]
    ) throws(Failure) -> Resolution {
        let served = DocumentSetLoader.isRemote(documentURI)
        guard case .array(let servers) = root["servers"], let server = servers.first,
            let template = server["url"]?.stringValue
        else {
            if let name = variables.keys.sorted().first {
                throw Failure(message: "--server-var \(name): the spec has no server with variables")
            }
            return served ? .absolute(trimmed(URIReference.resolve("/", against: documentURI))) : .none
        }
        let url = try substitute(template, server: server, given: variables)
        if hasScheme(url) { return .absolute(trimmed(url)) }
        guard served else { return .relative(url) }
        return .absolute(trimmed(URIReference.resolve(url.isEmpty ? "/" : url, against: documentURI)))
    }

    /// A base URL to show as an example for a relative server URL: `/api` → `http://localhost:8000/api`.
    public static func exampleBaseURL(forRelative url: String) -> String {
        trimmed(URIReference.resolve(url.isEmpty ? "/" : url, against: "http://localhost:8000/"))
    }

    /// `template` with `{name}` replaced by the given value or the variable's default.
    static func substitute(_ template: String, server: JSONValue, given: [String: String]) throws(Failure) -> String {
        let declared = server["variables"]?.objectValue
        let names = declared.map { Array($0.keys) } ?? []
        for name in given.keys.sorted() where !names.contains(name) {
            let known = names.isEmpty ? "it has none" : "it has " + names.joined(separator: ", ")
            throw Failure(
                message: "--server-var \(name): the spec's server \(template) has no variable \(name) (\(known))")
        }
        var url = template
        for name in names {
            let variable = declared?[name]
            let allowed = variable?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let value: String
            if let chosen = given[name] {
                if !allowed.isEmpty && !allowed.contains(chosen) {
                    throw Failure(
                        message:
                            "--server-var \(name)=\(chosen): not one of the variable's values (\(allowed.joined(separator: ", ")))"
                    )
                }
                value = chosen
            } else if let fallback = variable?["default"]?.stringValue {
                value = fallback
            } else {
                continue
            }
            url = url.replacing("{\(name)}", with: value)
        }
        if let open = url.firstIndex(of: "{"), let close = url[open...].firstIndex(of: "}") {
            let name = url[url.index(after: open)..<close]
            throw Failure(
                message:
                    "the spec's server \(template) has a variable {\(name)} without a default: pass --server-var \(name)=…"
            )
        }
        return url
    }

    /// Whether `url` starts with a scheme (`http:`, `https:`, any `letters:`).
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    private static func trimmed(_ url: String) -> String {
        var out = url
        while out.hasSuffix("/") && !out.hasSuffix("://") { out.removeLast() }
        return out
    }
}
