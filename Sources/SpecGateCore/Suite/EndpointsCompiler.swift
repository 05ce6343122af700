import SpecGateJSON

/// Turns a suite's hand-written `endpoints` into an equivalent OpenAPI 3.0.3 document, so that
/// the model builder, lint, bundle and overlays treat them like any other spec.
///
/// One endpoint:
///
/// ```yaml
/// - method: POST                      # required
///   path: /v2/bookings/{bookingUid}   # required
///   operationId: reassign             # default: derived from method and path ("postV2BookingsBookingUid")
///   tags: [Bookings]
///   summary: Reassign a booking
///   description: …
///   deprecated: false
///   headers:                          # name → parameter (below)
///     cal-api-version: {required: true, value: "2024-08-13"}   # fixed value: enum [value]
///     X-Mode: {required: false, enum: [a, b]}
///   parameters:
///     path: {bookingUid: {type: string}}                       # undeclared template names: strings
///     query: {take: {type: integer, minimum: 1, required: false}}
///   body: {contentType: application/json, required: true, schema: {…}}   # defaults shown
///   responses:
///     200: {description: OK, contentType: application/json, schema: {…}, headers: {X-Id: {type: string}}}
/// ```
///
/// A parameter is a schema plus optional `required`, `description`, `example`, `deprecated` and
/// `value` (a fixed value), or `{schema: …}` with those, or a bare type name (`string`). Schemas
/// are OpenAPI 3.0 schema objects and may `$ref` `#/components/schemas/X` from the suite's
/// `components`. Suite `auth` becomes a security scheme named `auth` required by every endpoint.
public struct EndpointsCompiler {
    private let suite: Suite

    private init(suite: Suite) { self.suite = suite }

    /// The OpenAPI document for `endpoints` (the suite's `endpoints` list).
    public static func compile(_ endpoints: JSONValue, suite: Suite) throws(SpecLoadError) -> JSONValue {
        try EndpointsCompiler(suite: suite).document(endpoints)
    }

    /// URI under which a suite's compiled endpoints document is stored: the suite file's URI
    /// with `.openapi.json` appended.
    public static func documentURI(for suite: Suite) -> String {
        URIReference.stripFragment(suite.uri) + ".openapi.json"
    }

    /// Compiles the suite's endpoints and loads the result like a spec file (checking every
    /// `$ref`); other documents the schemas refer to are read through `provider`.
    public static func load(_ suite: Suite, provider: some DocumentProvider) throws(SpecLoadError) -> LoadedDocuments {
        guard let endpoints = suite.endpoints else {
            throw SpecLoadError(uri: suite.uri, message: "the suite has no `endpoints`")
        }
        let uri = documentURI(for: suite)
        let bytes = JSONWriter(pretty: true).bytes(try compile(endpoints, suite: suite))
        let compiled = CompiledDocumentProvider(uri: uri, bytes: bytes, fallback: provider)
        return try DocumentSetLoader(provider: compiled).load(rootURI: uri)
    }

    /// Serves the compiled document; every other URI goes to the fallback provider.
    private struct CompiledDocumentProvider: DocumentProvider {
        let uri: String
        let bytes: [UInt8]
        let fallback: any DocumentProvider

        func read(uri: String) throws(SpecLoadError) -> [UInt8] {
            uri == self.uri ? bytes : try fallback.read(uri: uri)
        }
    }

    // MARK: Compilation

    private static let endpointKeys = [
        "method", "path", "operationId", "tags", "summary", "description", "deprecated", "headers", "parameters",
        "body",
        "responses",
    ]

    private func document(_ endpoints: JSONValue) throws(SpecLoadError) -> JSONValue {
        let at = JSONPointer(tokens: ["endpoints"])
        guard case .array(let list) = endpoints else { throw failure("`endpoints` must be a list", at: at) }
        var paths = JSONObject()
        for (index, endpoint) in list.enumerated() {
            let (path, method, operation) = try self.endpoint(endpoint, at: at.appending(index))
            var item = paths[path]?.objectValue ?? JSONObject()
            guard item[method] == nil else {
                throw failure("\(method.uppercased()) \(path) is defined twice", at: at.appending(index))
            }
            item[method] = .object(operation)
            paths[path] = .object(item)
        }
        var info = JSONObject()
        info["title"] = .string(suite.name)
        info["version"] = "1.0.0"
        var root = JSONObject()
        root["openapi"] = "3.0.3"
        root["info"] = .object(info)
        if let baseURL = suite.baseURL { root["servers"] = [["url": .string(baseURL)]] }
        root["paths"] = .object(paths)
        var components = suite.components ?? JSONObject()
        if let auth = suite.auth {
            var schemes = components["securitySchemes"]?.objectValue ?? JSONObject()
            schemes["auth"] = securityScheme(auth)
            components["securitySchemes"] = .object(schemes)
            root["security"] = [["auth": []]]
        }
        if !components.isEmpty { root["components"] = .object(components) }
        return .object(root)
    }

    private func securityScheme(_ auth: SuiteAuth) -> JSONValue {
        switch auth.type {
        case .bearer: return ["type": "http", "scheme": "bearer"]
        case .basic: return ["type": "http", "scheme": "basic"]
        case .header: return ["type": "apiKey", "in": "header", "name": .string(auth.header ?? "Authorization")]
        case .query: return ["type": "apiKey", "in": "query", "name": .string(auth.queryName ?? "")]
        }
    }

    private func endpoint(_ value: JSONValue, at: JSONPointer) throws(SpecLoadError) -> (String, String, JSONObject) {
        guard case .object(let endpoint) = value else { throw failure("an endpoint must be a mapping", at: at) }
        try checkKeys(endpoint, EndpointsCompiler.endpointKeys, at: at, what: "an endpoint")
        guard let methodText = try string(endpoint, "method", at: at),
            let method = HTTPMethod(rawValue: methodText.lowercased())
        else {
            throw failure(
                "an endpoint needs `method`: one of \(HTTPMethod.allCases.map(\.wireName).joined(separator: ", "))",
                at: at)
        }
        guard let path = try string(endpoint, "path", at: at), path.hasPrefix("/") else {
            throw failure("an endpoint needs `path`, a template starting with \"/\"", at: at)
        }
        var operation = JSONObject()
        operation["operationId"] = .string(
            try string(endpoint, "operationId", at: at) ?? EndpointsCompiler.derivedId(method, path))
        if let tags = endpoint["tags"] {
            guard let list = tags.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw failure("`tags` must be a list of strings", at: at.appending("tags"))
            }
            operation["tags"] = tags
        }
        for key in ["summary", "description"] {
            if let text = try string(endpoint, key, at: at) { operation[key] = .string(text) }
        }
        if let deprecated = endpoint["deprecated"] {
            guard case .bool = deprecated else {
                throw failure("`deprecated` must be true or false", at: at.appending("deprecated"))
            }
            operation["deprecated"] = deprecated
        }
        let parameters = try self.parameters(endpoint, path: path, at: at)
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body = endpoint["body"] { operation["requestBody"] = try requestBody(body, at: at.appending("body")) }
        guard case .object(let responses) = endpoint["responses"], !responses.isEmpty else {
            throw failure("an endpoint needs `responses`: status → {description, contentType, schema, headers}", at: at)
        }
        var compiled = JSONObject()
        for (status, response) in responses {
            guard StatusPattern(status) != nil else {
                throw failure(
                    "\"\(status)\" is not a status code, a range such as 4XX, or default",
                    at: at.appending("responses").appending(status))
            }
            compiled[status] = try self.response(
                response, status: status, at: at.appending("responses").appending(status))
        }
        operation["responses"] = .object(compiled)
        return (path, method.rawValue, operation)
    }

    /// "post", "/v2/bookings/{uid}" → "postV2BookingsUid".
    static func derivedId(_ method: HTTPMethod, _ path: String) -> String {
        var id = method.rawValue
        for word in path.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            id += word.prefix(1).uppercased() + word.dropFirst()
        }
        return id
    }

    private func parameters(_ endpoint: JSONObject, path: String, at: JSONPointer) throws(SpecLoadError) -> [JSONValue]
    {
        var result: [JSONValue] = []
        var declaredPath: [String] = []
        if let value = endpoint["parameters"] {
            guard case .object(let groups) = value else {
                throw failure("`parameters` must be a mapping with `path` and `query`", at: at.appending("parameters"))
            }
            try checkKeys(groups, ["path", "query"], at: at.appending("parameters"), what: "`parameters`")
            for place in ["path", "query"] {
                guard let group = groups[place] else { continue }
                let groupAt = at.appending("parameters").appending(place)
                guard case .object(let map) = group else { throw failure("`\(place)` must be a mapping", at: groupAt) }
                for (name, spec) in map {
                    if place == "path" { declaredPath.append(name) }
                    result.append(try parameter(name, in: place, spec, at: groupAt.appending(name)))
                }
            }
        }
        let templateNames = EndpointsCompiler.templateNames(path)
        for name in declaredPath where !templateNames.contains(name) {
            throw failure(
                "path parameter \"\(name)\" does not occur in \(path)",
                at: at.appending("parameters").appending("path").appending(name))
        }
        for name in templateNames where !declaredPath.contains(name) {
            result.append(["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]])
        }
        if let value = endpoint["headers"] {
            guard case .object(let map) = value else {
                throw failure("`headers` must be a mapping", at: at.appending("headers"))
            }
            for (name, spec) in map {
                result.append(try parameter(name, in: "header", spec, at: at.appending("headers").appending(name)))
            }
        }
        return result
    }

    private static func templateNames(_ path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Parameter-level keys of the compact form; the other keys make up the schema.
    private static let parameterKeys: Set<String> = [
        "required", "description", "example", "deprecated", "value", "schema",
    ]

    private func parameter(_ name: String, in place: String, _ spec: JSONValue, at: JSONPointer) throws(SpecLoadError)
        -> JSONValue
    {
        var parameter = JSONObject()
        parameter["name"] = .string(name)
        parameter["in"] = .string(place)
        let (required, meta, schema) = try compactParameter(spec, header: place == "header", at: at)
        parameter["required"] = .bool(place == "path" || required)
        for (key, value) in meta { parameter[key] = value }
        parameter["schema"] = schema
        return .object(parameter)
    }

    /// Splits a compact parameter or header into `required`, other parameter-level members and the schema.
    private func compactParameter(_ spec: JSONValue, header: Bool, at: JSONPointer) throws(SpecLoadError) -> (
        Bool, JSONObject, JSONValue
    ) {
        if case .string(let typeName) = spec {
            return (false, JSONObject(), ["type": .string(typeName)])
        }
        guard case .object(let object) = spec else {
            throw failure("a parameter must be a schema mapping or a type name", at: at)
        }
        var required = false
        if let flag = object["required"] {
            guard case .bool(let value) = flag else {
                throw failure("`required` must be true or false", at: at.appending("required"))
            }
            required = value
        }
        var meta = JSONObject()
        for key in ["description", "example", "deprecated"] {
            if let value = object[key] { meta[key] = value }
        }
        var schema: JSONObject
        if let explicit = object["schema"] {
            guard case .object(let map) = explicit else {
                throw failure("`schema` must be a mapping", at: at.appending("schema"))
            }
            schema = map
        } else {
            schema = JSONObject()
            for (key, value) in object where !EndpointsCompiler.parameterKeys.contains(key) { schema[key] = value }
        }
        if let fixed = object["value"] {
            let text: JSONValue
            switch fixed {
            case .string, .number, .bool: text = header ? .string(fixed.stringValue ?? fixed.description) : fixed
            default: throw failure("a fixed `value` must be a string, number or boolean", at: at.appending("value"))
            }
            schema["enum"] = [text]
            if schema["type"] == nil { schema["type"] = .string(text.typeName) }
        }
        let composite = ["type", "$ref", "allOf", "oneOf", "anyOf", "not"].contains { schema[$0] != nil }
        if !composite && (header || schema.isEmpty) { schema["type"] = "string" }
        return (required, meta, .object(schema))
    }

    private func requestBody(_ value: JSONValue, at: JSONPointer) throws(SpecLoadError) -> JSONValue {
        guard case .object(let body) = value else { throw failure("`body` must be a mapping", at: at) }
        try checkKeys(body, ["contentType", "required", "schema", "example", "description"], at: at, what: "`body`")
        var required = true
        if let flag = body["required"] {
            guard case .bool(let value) = flag else {
                throw failure("`required` must be true or false", at: at.appending("required"))
            }
            required = value
        }
        var result = JSONObject()
        if let description = try string(body, "description", at: at) { result["description"] = .string(description) }
        result["required"] = .bool(required)
        result["content"] = try content(body, at: at, needsSchema: true)
        return .object(result)
    }

    private func response(_ value: JSONValue, status: String, at: JSONPointer) throws(SpecLoadError) -> JSONValue {
        guard case .object(let response) = value else { throw failure("a response must be a mapping", at: at) }
        try checkKeys(
            response, ["description", "contentType", "schema", "example", "headers"], at: at, what: "a response")
        var result = JSONObject()
        result["description"] = .string(try string(response, "description", at: at) ?? "Status \(status)")
        if let value = response["headers"] {
            guard case .object(let map) = value else {
                throw failure("`headers` must be a mapping", at: at.appending("headers"))
            }
            var headers = JSONObject()
            for (name, spec) in map {
                let (required, meta, schema) = try compactParameter(
                    spec, header: true, at: at.appending("headers").appending(name))
                var header = meta
                header["required"] = .bool(required)
                header["schema"] = schema
                headers[name] = .object(header)
            }
            result["headers"] = .object(headers)
        }
        if response["schema"] != nil || response["contentType"] != nil || response["example"] != nil {
            result["content"] = try content(response, at: at, needsSchema: false)
        }
        return .object(result)
    }

    /// `{contentType (application/json): {schema, example}}`.
    private func content(_ object: JSONObject, at: JSONPointer, needsSchema: Bool) throws(SpecLoadError) -> JSONValue {
        let contentType = try string(object, "contentType", at: at) ?? "application/json"
        var media = JSONObject()
        if let schema = object["schema"] {
            guard case .object = schema else { throw failure("`schema` must be a mapping", at: at.appending("schema")) }
            media["schema"] = schema
        } else if needsSchema {
            throw failure("`body` needs a `schema`", at: at)
        }
        if let example = object["example"] { media["example"] = example }
        return [contentType: .object(media)]
    }

    // MARK: Helpers

    private func checkKeys(_ object: JSONObject, _ known: [String], at: JSONPointer, what: String) throws(SpecLoadError)
    {
        for (key, _) in object where !known.contains(key) {
            throw failure(
                "unknown key \"\(key)\" in \(what) (known: \(known.joined(separator: ", ")))", at: at.appending(key))
        }
    }

    private func string(_ object: JSONObject, _ key: String, at: JSONPointer) throws(SpecLoadError) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let text) = value else { throw failure("`\(key)` must be a string", at: at.appending(key)) }
        return text
    }

    private func failure(_ message: String, at pointer: JSONPointer) -> SpecLoadError {
        SpecLoadError(uri: suite.uri, pointer: pointer, message: message).locating(in: suite.source, uri: suite.uri)
    }
}
