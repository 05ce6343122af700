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
/// values: {eventTypeId: "${CAL_EVENT_TYPE_ID:-501}"}   # fixed body values (see `BodyValues`)
/// endpoints: [...]                  # hand-written endpoints, with optional `components`
/// links: ...                        # links, expectations, checks, workflows, budget, seed: kept in `extras`
/// ```
///
/// String values (outside `endpoints` and `components`) may use `${VAR}` / `${VAR:-default}`,
/// expanded from `environment` (see `EnvironmentExpander`).
/// Unknown keys are errors (to catch typos); every error names the file, pointer and line.
public struct SuiteParser {
    /// Top-level keys kept as written for later stages.
    public static let extraKeys: [String] = ["links", "expectations", "checks", "workflows", "budget", "seed"]
    private static let typedKeys: [String] = [
        "name", "spec", "overlays", "baseURL", "headers", "auth", "secrets", "include", "exclude", "parameters",
        "endpoints", "components", "values", "identities",
    ]

    /// Parses a suite; `environment` expands `${…}` references (nil: defaults only, unset ones kept).
    public static func parse(
        _ bytes: [UInt8], uri: String, environment: [String: String]? = nil
    ) throws(SpecLoadError) -> Suite {
        let reader = Reader(bytes: bytes, uri: uri)
        let value = try DocumentParser.parse(bytes, uri: uri)
        guard case .object(var top) = value else { throw reader.failure("a suite must be a mapping", at: .root) }
        let expander = EnvironmentExpander(environment: environment)
        for (key, member) in top where key != "endpoints" && key != "components" {
            do throws(EnvironmentExpander.Failure) {
                top[key] = try expander.expand(member, at: JSONPointer(tokens: [key]))
            } catch {
                throw reader.failure(error.message, at: error.pointer)
            }
        }
        for (key, _) in top where !typedKeys.contains(key) && !extraKeys.contains(key) {
            throw reader.failure(
                "unknown key \"\(key)\" (known: \((typedKeys + extraKeys).joined(separator: ", ")))",
                at: JSONPointer(tokens: [key]))
        }
        let directoryURI = URIReference.resolve(".", against: URIReference.stripFragment(uri))
        let specPath = try reader.string(top, "spec")
        let endpoints = top["endpoints"]
        if specPath != nil && endpoints != nil {
            throw reader.failure(
                "`spec` and `endpoints` exclude each other; use one", at: JSONPointer(tokens: ["endpoints"]))
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
        let auth = try auth(top, reader)
        let identities = try identities(top, auth: auth, reader)
        var suite = Suite(
            uri: uri, name: try reader.string(top, "name") ?? folderName(of: directoryURI), directoryURI: directoryURI,
            specPath: specPath, overlays: try reader.strings(top, "overlays", at: .root), baseURL: baseURL,
            headers: try headers(top, reader), auth: auth,
            secrets: try reader.strings(top, "secrets", at: .root),
            include: try filter(top, "include", reader), exclude: try filter(top, "exclude", reader),
            parameters: try parameters(top, reader), values: try values(top, reader),
            endpoints: endpoints, components: try reader.object(top, "components", at: .root), extras: extras,
            source: bytes)
        suite.identities = identities
        return suite
    }

    /// `identities: {name: {env | command | oauth2 | login, optional}}`; each sends its credential as `auth` does.
    private static func identities(_ top: JSONObject, auth: SuiteAuth?, _ reader: Reader) throws(SpecLoadError)
        -> [SuiteIdentity]
    {
        let at = JSONPointer(tokens: ["identities"])
        guard let map = try reader.object(top, "identities", at: .root) else { return [] }
        guard let auth else {
            throw reader.failure(
                "`identities` needs `auth` (the owner's credential, whose type and header they share)", at: at)
        }
        var result: [SuiteIdentity] = []
        for (name, value) in map {
            let here = at.appending(name)
            guard case .object(let member) = value else {
                throw reader.failure("identity \"\(name)\" must be a mapping", at: here)
            }
            let known = credentialKeys + ["optional"]
            for (key, _) in member where !known.contains(key) {
                throw reader.failure(
                    "unknown key \"\(key)\" in identity \"\(name)\" (known: \(known.joined(separator: ", ")))",
                    at: here.appending(key))
            }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }), !name.isEmpty else {
                throw reader.failure("identity names are letters, digits, - and _", at: here)
            }
            let (source, location) = try credentialSource(member, at: here, reader)
            var optional = false
            if let flag = member["optional"] {
                guard let value = flag.boolValue else {
                    throw reader.failure("`optional` must be true or false", at: here.appending("optional"))
                }
                optional = value
            }
            if auth.type == .query, !source.isEnvironment {
                throw reader.failure("`type: query` takes its secret from `env` only", at: here)
            }
            var identityAuth = auth
            identityAuth.source = source
            identityAuth.location = location
            result.append(SuiteIdentity(name: name, auth: identityAuth, optional: optional))
        }
        return result
    }

    private static func parameters(_ top: JSONObject, _ reader: Reader) throws(SpecLoadError) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (name, value) in try reader.object(top, "parameters", at: .root) ?? JSONObject() { result[name] = value }
        return result
    }

    private static func values(_ top: JSONObject, _ reader: Reader) throws(SpecLoadError) -> [BodyValue] {
        guard let map = try reader.object(top, "values", at: .root) else { return [] }
        var result: [BodyValue] = []
        for (key, value) in map {
            guard let parsed = BodyValue(key: key, value: value) else {
                throw reader.failure(
                    "`values` key \"\(key)\" must be a property name, a JSON pointer (/a/b), operationId.name or operationId#/a/b",
                    at: JSONPointer(tokens: ["values", key]))
            }
            result.append(parsed)
        }
        return result
    }

    private static func folderName(of directoryURI: String) -> String {
        let path = URIReference.path(ofFileURI: directoryURI) ?? directoryURI
        return path.split(separator: "/").last.map(String.init) ?? "suite"
    }

    private static func headers(_ top: JSONObject, _ reader: Reader) throws(SpecLoadError) -> [HeaderField] {
        guard let map = try reader.object(top, "headers", at: .root) else { return [] }
        var result: [HeaderField] = []
        for (name, value) in map {
            switch value {
            case .string(let text): result.append(HeaderField(name: name, value: text))
            case .number(let number): result.append(HeaderField(name: name, value: number.description))
            case .bool(let flag): result.append(HeaderField(name: name, value: flag ? "true" : "false"))
            default:
                throw reader.failure(
                    "header \"\(name)\" must have a text value", at: JSONPointer(tokens: ["headers", name]))
            }
        }
        return result
    }

    private static func auth(_ top: JSONObject, _ reader: Reader) throws(SpecLoadError) -> SuiteAuth? {
        let at = JSONPointer(tokens: ["auth"])
        guard let map = try reader.object(top, "auth", at: .root) else { return nil }
        let known = ["type", "header", "query", "prefix"] + credentialKeys
        for (key, _) in map where !known.contains(key) {
            throw reader.failure(
                "unknown key \"\(key)\" in `auth` (known: \(known.joined(separator: ", ")))", at: at.appending(key))
        }
        let kinds = SuiteAuth.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let typeText = try reader.string(map, "type", at: at), let kind = SuiteAuth.Kind(rawValue: typeText)
        else {
            throw reader.failure("`auth.type` must be one of \(kinds)", at: at)
        }
        let (source, location) = try credentialSource(map, at: at, reader)
        let queryName = try reader.string(map, "query", at: at)
        if kind == .query && queryName == nil {
            throw reader.failure("`auth.query` must name the query parameter for `type: query`", at: at)
        }
        if kind == .query, !source.isEnvironment {
            throw reader.failure("`type: query` takes its secret from `env` only", at: at)
        }
        return SuiteAuth(
            type: kind, header: try reader.string(map, "header", at: at), queryName: queryName, source: source,
            prefix: try reader.string(map, "prefix", at: at), location: location)
    }

    private static func filter(_ top: JSONObject, _ key: String, _ reader: Reader) throws(SpecLoadError)
        -> OperationFilter
    {
        let at = JSONPointer(tokens: [key])
        guard let map = try reader.object(top, key, at: .root) else { return OperationFilter() }
        let known = ["tags", "operations", "paths", "methods"]
        for (member, _) in map where !known.contains(member) {
            throw reader.failure(
                "unknown key \"\(member)\" in `\(key)` (known: \(known.joined(separator: ", ")))",
                at: at.appending(member))
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
    struct Reader {
        let bytes: [UInt8]
        let uri: String

        func failure(_ message: String, at pointer: JSONPointer) -> SpecLoadError {
            SpecLoadError(uri: uri, pointer: pointer, message: message).locating(in: bytes, uri: uri)
        }

        /// `file:line:column: #/pointer` of a member, for errors reported later.
        func location(_ pointer: JSONPointer) -> String {
            String(failure("", at: pointer).description.dropLast(2))
        }

        func string(_ object: JSONObject, _ key: String, at parent: JSONPointer = .root) throws(SpecLoadError)
            -> String?
        {
            guard let value = object[key] else { return nil }
            guard case .string(let text) = value else {
                throw failure("`\(key)` must be a string", at: parent.appending(key))
            }
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
            guard case .object(let map) = value else {
                throw failure("`\(key)` must be a mapping", at: parent.appending(key))
            }
            return map
        }
    }
}
