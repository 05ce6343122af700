import SpecGateJSON

/// Reads a suite file (YAML or JSON):
///
/// ```yaml
/// name: calcom                      # default: the folder name
/// spec: openapi-v2.json             # relative to the suite file; or `endpoints`
/// overlays: [overlay.yaml]
/// baseURL: https://api.cal.com
/// headers: {cal-api-version: "2024-08-13"}
/// auth: {type: bearer, header: Authorization, env: CAL_API_KEY, prefix: cal_}
/// secrets: [OTHER_TOKEN]
/// include: {tags: [Bookings], operations: [], paths: [], methods: []}
/// exclude: {tags: [], operations: [], paths: [], methods: []}
/// parameters: {userId: 2}
/// endpoints: [...]                  # hand-written endpoints, with optional `components`
/// links: ...                        # links, expectations, checks, budget, seed: kept in `extras`
/// ```
///
/// Unknown keys are errors (to catch typos); every error names the file, pointer and line.
public struct SuiteParser {
    /// Top-level keys kept as written for later stages.
    public static let extraKeys: [String] = ["links", "expectations", "checks", "budget", "seed"]
    private static let typedKeys: [String] = [
        "name", "spec", "overlays", "baseURL", "headers", "auth", "secrets", "include", "exclude", "parameters",
        "endpoints", "components",
    ]

    public static func parse(_ bytes: [UInt8], uri: String) throws(SpecLoadError) -> Suite {
        let reader = Reader(bytes: bytes, uri: uri)
        let value = try DocumentParser.parse(bytes, uri: uri)
        guard case .object(let top) = value else { throw reader.failure("a suite must be a mapping", at: .root) }
        for (key, _) in top where !typedKeys.contains(key) && !extraKeys.contains(key) {
            throw reader.failure(
                "unknown key \"\(key)\" (known: \((typedKeys + extraKeys).joined(separator: ", ")))",
                at: JSONPointer(tokens: [key]))
        }
        let directoryURI = URIReference.resolve(".", against: URIReference.stripFragment(uri))
        let specPath = try reader.string(top, "spec")
        let endpoints = top["endpoints"]
        if specPath != nil && endpoints != nil {
            throw reader.failure("`spec` and `endpoints` exclude each other; use one", at: JSONPointer(tokens: ["endpoints"]))
        }
        if specPath == nil && endpoints == nil {
            throw reader.failure("the suite needs `spec` (an OpenAPI document) or `endpoints`", at: .root)
        }
        if let endpoints, endpoints.arrayValue == nil {
            throw reader.failure("`endpoints` must be a list", at: JSONPointer(tokens: ["endpoints"]))
        }
        let baseURL = try reader.string(top, "baseURL")
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw reader.failure("`baseURL` must start with http:// or https://", at: JSONPointer(tokens: ["baseURL"]))
        }
        var extras = JSONObject()
        for key in extraKeys { if let value = top[key] { extras[key] = value } }
        return Suite(
            uri: uri, name: try reader.string(top, "name") ?? folderName(of: directoryURI), directoryURI: directoryURI,
            specPath: specPath, overlays: try reader.strings(top, "overlays", at: .root), baseURL: baseURL,
            headers: try headers(top, reader), auth: try auth(top, reader),
            secrets: try reader.strings(top, "secrets", at: .root),
            include: try filter(top, "include", reader), exclude: try filter(top, "exclude", reader),
            parameters: try parameters(top, reader),
            endpoints: endpoints, components: try reader.object(top, "components", at: .root), extras: extras,
            source: bytes)
    }

    private static func parameters(_ top: JSONObject, _ reader: Reader) throws(SpecLoadError) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (name, value) in try reader.object(top, "parameters", at: .root) ?? JSONObject() { result[name] = value }
        return result
    }

    private static func folderName(of directoryURI: String) -> String {
        let path = URIReference.path(ofFileURI: directoryURI) ?? directoryURI
        return path.split(separator: "/").last.map(String.init) ?? "suite"
    }

    private static func headers(_ top: JSONObject, _ reader: Reader) throws(SpecLoadError) -> [(name: String, value: String)] {
        guard let map = try reader.object(top, "headers", at: .root) else { return [] }
        var result: [(name: String, value: String)] = []
        for (name, value) in map {
            switch value {
            case .string(let text): result.append((name, text))
            case .number(let number): result.append((name, number.description))
            case .bool(let flag): result.append((name, flag ? "true" : "false"))
            default: throw reader.failure("header \"\(name)\" must have a text value", at: JSONPointer(tokens: ["headers", name]))
            }
        }
        return result
    }

    private static func auth(_ top: JSONObject, _ reader: Reader) throws(SpecLoadError) -> SuiteAuth? {
        let at = JSONPointer(tokens: ["auth"])
        guard let map = try reader.object(top, "auth", at: .root) else { return nil }
        let known = ["type", "header", "query", "env", "prefix"]
        for (key, _) in map where !known.contains(key) {
            throw reader.failure("unknown key \"\(key)\" in `auth` (known: \(known.joined(separator: ", ")))", at: at.appending(key))
        }
        let kinds = SuiteAuth.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let typeText = try reader.string(map, "type", at: at), let kind = SuiteAuth.Kind(rawValue: typeText) else {
            throw reader.failure("`auth.type` must be one of \(kinds)", at: at)
        }
        guard let env = try reader.string(map, "env", at: at), !env.isEmpty else {
            throw reader.failure("`auth.env` must name the environment variable holding the secret", at: at)
        }
        let queryName = try reader.string(map, "query", at: at)
        if kind == .query && queryName == nil {
            throw reader.failure("`auth.query` must name the query parameter for `type: query`", at: at)
        }
        return SuiteAuth(
            type: kind, header: try reader.string(map, "header", at: at), queryName: queryName, env: env,
            prefix: try reader.string(map, "prefix", at: at))
    }

    private static func filter(_ top: JSONObject, _ key: String, _ reader: Reader) throws(SpecLoadError) -> OperationFilter {
        let at = JSONPointer(tokens: [key])
        guard let map = try reader.object(top, key, at: .root) else { return OperationFilter() }
        let known = ["tags", "operations", "paths", "methods"]
        for (member, _) in map where !known.contains(member) {
            throw reader.failure("unknown key \"\(member)\" in `\(key)` (known: \(known.joined(separator: ", ")))", at: at.appending(member))
        }
        let methods = try reader.strings(map, "methods", at: at)
        for (index, method) in methods.enumerated() where HTTPMethod(rawValue: method.lowercased()) == nil {
            throw reader.failure("unknown HTTP method \"\(method)\"", at: at.appending("methods").appending(index))
        }
        return OperationFilter(
            tags: try reader.strings(map, "tags", at: at), operations: try reader.strings(map, "operations", at: at),
            paths: try reader.strings(map, "paths", at: at), methods: methods)
    }

    /// Typed access to suite members with located errors.
    private struct Reader {
        let bytes: [UInt8]
        let uri: String

        func failure(_ message: String, at pointer: JSONPointer) -> SpecLoadError {
            SpecLoadError(uri: uri, pointer: pointer, message: message).locating(in: bytes, uri: uri)
        }

        func string(_ object: JSONObject, _ key: String, at parent: JSONPointer = .root) throws(SpecLoadError) -> String? {
            guard let value = object[key] else { return nil }
            guard case .string(let text) = value else { throw failure("`\(key)` must be a string", at: parent.appending(key)) }
            return text
        }

        func strings(_ object: JSONObject, _ key: String, at parent: JSONPointer) throws(SpecLoadError) -> [String] {
            guard let value = object[key] else { return [] }
            let list = value.arrayValue?.compactMap(\.stringValue)
            guard let list, list.count == value.arrayValue?.count else {
                throw failure("`\(key)` must be a list of strings", at: parent.appending(key))
            }
            return list
        }

        func object(_ object: JSONObject, _ key: String, at parent: JSONPointer) throws(SpecLoadError) -> JSONObject? {
            guard let value = object[key] else { return nil }
            guard case .object(let map) = value else { throw failure("`\(key)` must be a mapping", at: parent.appending(key)) }
            return map
        }
    }
}
