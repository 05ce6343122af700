import SpecGateJSON

/// Converts a loaded Swagger 2.0 document set to OpenAPI 3.0.3, as Schemathesis does, so that every
/// command sees OpenAPI 3.0. Pure: documents in, documents plus a `Swagger2Conversion` (source
/// pointer maps and notes) out. Never fails: what cannot be converted is copied as written, and the
/// model builder or the linter reports it later with the original line.
///
/// The root (and any referenced document with a `swagger` member) is converted whole: `host`,
/// `basePath`, `schemes` → `servers`; `consumes`/`produces` → `content` maps; `body` and `formData`
/// parameters → `requestBody`; other parameters' type keywords → `schema` and `collectionFormat` →
/// `style`/`explode`; `definitions`, `parameters`, `responses`, `securityDefinitions` →
/// `components`; `x-nullable` → `nullable`; `type: file` → `type: string, format: binary`.
///
/// Other referenced documents are 2.0-shaped fragments: their top-level `definitions`, `parameters`,
/// `responses` and `securityDefinitions` move under `components` exactly as the root's do (so
/// `other.yaml#/definitions/X` becomes `other.yaml#/components/schemas/X`); anything else in them is
/// treated as schemas. A parameter or response referenced at any other place is converted and
/// inlined where it is used. Every `$ref` is rewritten to the converted layout.
public struct Swagger2Converter {
    private let original: DocumentStore
    private let rootURI: String
    private let globalConsumes: [String]?
    private let globalProduces: [String]?
    private var maps: [String: SourcePointerMap] = [:]
    private var notes: [Swagger2Conversion.Note] = []

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch"]
    private static let formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"]
    /// Keywords a 2.0 non-body parameter, header or `items` object shares with a schema.
    private static let schemaKeys: Set<String> = [
        "type", "format", "items", "enum", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf",
    ]

    private init(_ store: DocumentStore, rootURI: String) {
        original = store
        self.rootURI = URIReference.stripFragment(rootURI)
        let root = store[rootURI]
        globalConsumes = Swagger2Converter.mediaTypes(root?["consumes"])
        globalProduces = Swagger2Converter.mediaTypes(root?["produces"])
    }

    /// Converts every document of `store` (the root at `rootURI` is a Swagger 2.0 document).
    public static func convert(_ store: DocumentStore, rootURI: String) -> (
        store: DocumentStore, conversion: Swagger2Conversion
    ) {
        var converter = Swagger2Converter(store, rootURI: rootURI)
        var converted = DocumentStore()
        for uri in store.uris {
            guard let value = store[uri] else { continue }
            converted[uri] = converter.document(value, uri: uri)
        }
        let conversion = Swagger2Conversion(
            originalRoot: store[rootURI] ?? .null, sourceMaps: converter.maps, notes: converter.notes)
        return (converted, conversion)
    }

    // MARK: Documents

    private mutating func document(_ value: JSONValue, uri: String) -> JSONValue {
        let here = JSONLocation(document: uri)
        guard case .object(let object) = value else { return value }
        if object["swagger"] != nil { return .object(wholeDocument(object, uri: uri)) }
        let sections: Set<String> = ["definitions", "parameters", "responses", "securityDefinitions"]
        if object.keys.contains(where: sections.contains) {
            var out = JSONObject()
            for (key, child) in object where !sections.contains(key) {
                out[key] = schema(child, from: here.appending(key), to: here.appending(key))
            }
            if let components = components(object, uri: uri) { out["components"] = .object(components) }
            return .object(out)
        }
        let schemaKeys: Set<String> = ["type", "properties", "allOf", "$ref", "items", "additionalProperties", "enum"]
        if object.keys.contains(where: schemaKeys.contains) { return schema(value, from: here, to: here) }
        var out = JSONObject()
        for (key, child) in object { out[key] = schema(child, from: here.appending(key), to: here.appending(key)) }
        return .object(out)
    }

    private mutating func wholeDocument(_ object: JSONObject, uri: String) -> JSONObject {
        let here = JSONLocation(document: uri)
        var out = JSONObject()
        out["openapi"] = "3.0.3"
        map(here.appending("openapi"), to: here.appending("swagger"))
        if let info = object["info"] { out["info"] = info }
        if let servers = servers(object, at: here) { out["servers"] = servers }
        let handled: Set<String> = [
            "swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "paths", "definitions",
            "parameters", "responses", "securityDefinitions",
        ]
        for (key, child) in object where !handled.contains(key) { out[key] = child }
        if case .object(let paths) = object["paths"] {
            out["paths"] = .object(self.paths(paths, at: here.appending("paths")))
        } else if let paths = object["paths"] {
            out["paths"] = paths
        }
        if let components = components(object, uri: uri) { out["components"] = .object(components) }
        return out
    }

    /// `servers` from `host`, `basePath` and `schemes`: one server per scheme (`https` first; `http`
    /// when none is listed), or the relative `basePath` when there is no host.
    private mutating func servers(_ object: JSONObject, at here: JSONLocation) -> JSONValue? {
        let host = object["host"]?.stringValue
        let basePath = object["basePath"]?.stringValue
        guard host != nil || basePath != nil else { return nil }
        let serversAt = here.appending("servers")
        guard let host else {
            map(serversAt, to: here.appending("basePath"))
            return [["url": .string(basePath ?? "/")]]
        }
        map(serversAt, to: here.appending("host"))
        let listed = object["schemes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var schemes = listed.contains("https") ? ["https"] : []
        for scheme in listed where !schemes.contains(scheme) { schemes.append(scheme) }
        if schemes.isEmpty { schemes = ["http"] }
        let path = basePath == "/" ? "" : (basePath ?? "")
        return .array(schemes.map { ["url": .string("\($0)://\(host)\(path)")] })
    }

    /// `components` from the top-level 2.0 sections, or nil when there are none.
    private mutating func components(_ object: JSONObject, uri: String) -> JSONObject? {
        let here = JSONLocation(document: uri)
        let at = here.appending("components")
        var components = JSONObject()
        if case .object(let definitions) = object["definitions"] {
            map(at.appending("schemas"), to: here.appending("definitions"))
            var schemas = JSONObject()
            for (name, value) in definitions {
                schemas[name] = schema(
                    value, from: here.appending("definitions").appending(name),
                    to: at.appending("schemas").appending(name))
            }
            components["schemas"] = .object(schemas)
        }
        if case .object(let parameters) = object["parameters"] {
            var simple = JSONObject()
            var bodies = JSONObject()
            for (name, value) in parameters {
                let from = here.appending("parameters").appending(name)
                guard case .object(let parameter) = value else { continue }
                switch parameter["in"]?.stringValue {
                case "body":
                    bodies[name] = .object(
                        requestBody(
                            parameter, from: from, to: at.appending("requestBodies").appending(name),
                            consumes: defaultConsumes))
                case "formData":
                    // 3.0 has no form parameters; operations that refer to one inline it into their form body.
                    continue
                default:
                    simple[name] = .object(
                        self.parameter(parameter, from: from, to: at.appending("parameters").appending(name)))
                }
            }
            if !simple.isEmpty { components["parameters"] = .object(simple) }
            if !bodies.isEmpty { components["requestBodies"] = .object(bodies) }
        }
        if case .object(let responses) = object["responses"] {
            var out = JSONObject()
            for (name, value) in responses {
                out[name] = response(
                    value, from: here.appending("responses").appending(name),
                    to: at.appending("responses").appending(name),
                    produces: defaultProduces)
            }
            components["responses"] = .object(out)
        }
        if case .object(let definitions) = object["securityDefinitions"] {
            map(at.appending("securitySchemes"), to: here.appending("securityDefinitions"))
            var out = JSONObject()
            for (name, value) in definitions {
                out[name] = securityScheme(
                    value, from: here.appending("securityDefinitions").appending(name),
                    to: at.appending("securitySchemes").appending(name))
            }
            components["securitySchemes"] = .object(out)
        }
        if components.isEmpty { return nil }
        map(at, to: here)
        return components
    }

    private var defaultConsumes: [String] { globalConsumes ?? ["application/json"] }
    private var defaultProduces: [String] { globalProduces ?? ["application/json"] }

    // MARK: Paths and operations

    private mutating func paths(_ paths: JSONObject, at here: JSONLocation) -> JSONObject {
        var out = JSONObject()
        for (path, value) in paths {
            guard !path.hasPrefix("x-"), case .object(let item) = value else {
                out[path] = value
                continue
            }
            out[path] = .object(pathItem(item, at: here.appending(path)))
        }
        return out
    }

    private mutating func pathItem(_ item: JSONObject, at here: JSONLocation) -> JSONObject {
        let shared = parameterEntries(item["parameters"], at: here.appending("parameters"))
        var out = JSONObject()
        for (key, value) in item {
            if key == "parameters" {
                let kept = shared.filter { !$0.isBodyOrForm }
                if !kept.isEmpty { out[key] = .array(emit(kept, to: here.appending(key))) }
            } else if key == "$ref", let ref = value.stringValue {
                out[key] = .string(rewrite(ref, writtenIn: here.document, placedIn: here.document))
            } else if Swagger2Converter.methods.contains(key), case .object(let operation) = value {
                out[key] = .object(
                    self.operation(operation, at: here.appending(key), shared: shared.filter(\.isBodyOrForm)))
            } else {
                out[key] = value
            }
        }
        return out
    }

    private mutating func operation(_ operation: JSONObject, at here: JSONLocation, shared: [ParameterEntry])
        -> JSONObject
    {
        let consumes = Swagger2Converter.mediaTypes(operation["consumes"]) ?? defaultConsumes
        let produces = Swagger2Converter.mediaTypes(operation["produces"]) ?? defaultProduces
        let own = parameterEntries(operation["parameters"], at: here.appending("parameters"))
        // Path-level body and form parameters apply unless the operation redefines them.
        let inherited = shared.filter { entry in !own.contains { $0.name == entry.name && $0.place == entry.place } }
        let bodyEntries = (inherited + own).filter(\.isBodyOrForm)
        var body: JSONValue?
        if let bodyParameter = bodyEntries.first(where: { $0.place == "body" }) {
            body = requestBody(bodyParameter, to: here.appending("requestBody"), consumes: consumes)
        } else if !bodyEntries.isEmpty {
            body = .object(formBody(bodyEntries, to: here.appending("requestBody"), consumes: consumes))
        }
        if operation["schemes"] != nil {
            note(here, "the operation's own `schemes` are not converted (OpenAPI 3.0 servers come from the document's)")
        }
        var out = JSONObject()
        for (key, value) in operation {
            switch key {
            case "consumes", "produces", "schemes":
                continue
            case "parameters":
                let kept = own.filter { !$0.isBodyOrForm }
                if !kept.isEmpty { out[key] = .array(emit(kept, to: here.appending(key))) }
            case "responses":
                if let body, out["requestBody"] == nil { out["requestBody"] = body }
                out[key] = responses(value, at: here.appending(key), produces: produces)
            default:
                out[key] = value
            }
        }
        if let body, out["requestBody"] == nil { out["requestBody"] = body }
        return out
    }

    // MARK: Parameters

    /// One entry of a 2.0 `parameters` list, with its `$ref` (if any) followed.
    private struct ParameterEntry {
        /// Where the entry is written.
        var at: JSONLocation
        var written: JSONValue
        /// The parameter object the entry stands for and where it is written.
        var resolved: JSONObject?
        var resolvedAt: JSONLocation
        /// The `$ref` as written, when the entry is one.
        var reference: String?
        var name: String? { resolved?["name"]?.stringValue }
        var place: String? { resolved?["in"]?.stringValue }
        var isBodyOrForm: Bool { place == "body" || place == "formData" }
        /// Whether the reference names a top-level `parameters` entry (which stays a component).
        var referencesComponent: Bool {
            reference != nil && resolvedAt.pointer.tokens.count == 2 && resolvedAt.pointer.tokens[0] == "parameters"
        }
    }

    private func parameterEntries(_ value: JSONValue?, at here: JSONLocation) -> [ParameterEntry] {
        guard case .array(let list) = value else { return [] }
        return list.enumerated().map { index, written in
            let at = here.appending(index)
            let (resolvedAt, resolved) = follow(written, at: at)
            return ParameterEntry(
                at: at, written: written, resolved: resolved?.objectValue, resolvedAt: resolvedAt,
                reference: written["$ref"]?.stringValue)
        }
    }

    /// Follows `$ref`s (at most 32) from `value`, written at `at`, in the original documents.
    private func follow(_ value: JSONValue, at: JSONLocation) -> (JSONLocation, JSONValue?) {
        var location = at
        var current: JSONValue? = value
        var steps = 0
        while steps < 32, let ref = current?["$ref"]?.stringValue {
            let absolute = URIReference.resolve(ref, against: location.document)
            guard let pointer = JSONPointer("#" + (URIReference.fragment(of: absolute) ?? "")) else {
                return (location, nil)
            }
            location = JSONLocation(document: URIReference.stripFragment(absolute), pointer: pointer)
            current = original.value(at: location)
            steps += 1
        }
        return (location, current)
    }

    /// The non-body parameters of a list, converted (references to components stay references).
    private mutating func emit(_ entries: [ParameterEntry], to here: JSONLocation) -> [JSONValue] {
        var out: [JSONValue] = []
        for entry in entries {
            let to = here.appending(out.count)
            map(to, to: entry.at)
            if let reference = entry.reference, entry.referencesComponent || entry.resolved == nil {
                out.append(["$ref": .string(rewrite(reference, writtenIn: entry.at.document, placedIn: to.document))])
            } else if let resolved = entry.resolved {
                out.append(.object(parameter(resolved, from: entry.resolvedAt, to: to)))
            } else {
                out.append(entry.written)
            }
        }
        return out
    }

    /// A non-body parameter: its type keywords go into `schema`, `collectionFormat` becomes `style`/`explode`.
    private mutating func parameter(_ parameter: JSONObject, from: JSONLocation, to: JSONLocation) -> JSONObject {
        map(to, to: from)
        let place = parameter["in"]?.stringValue ?? ""
        var out = JSONObject()
        for (key, value) in parameter {
            if Swagger2Converter.schemaKeys.contains(key) || key == "collectionFormat" || key == "x-nullable" {
                continue
            }
            if key == "allowEmptyValue" && place != "query" { continue }
            out[key] = value
        }
        out["schema"] = .object(simpleSchema(parameter, from: from, to: to.appending("schema")))
        if parameter["type"]?.stringValue == "array" {
            let format = parameter["collectionFormat"]?.stringValue ?? "csv"
            let formatAt = parameter["collectionFormat"] == nil ? from : from.appending("collectionFormat")
            map(to.appending("style"), to: formatAt)
            map(to.appending("explode"), to: formatAt)
            switch (format, place) {
            case ("csv", "path"), ("csv", "header"):
                out["style"] = "simple"
                out["explode"] = false
            case ("ssv", _):
                out["style"] = "spaceDelimited"
                out["explode"] = false
            case ("pipes", _):
                out["style"] = "pipeDelimited"
                out["explode"] = false
            case ("multi", _):
                out["style"] = "form"
                out["explode"] = true
            default:
                if format == "tsv" {
                    note(
                        to.appending("style"),
                        "collectionFormat tsv has no OpenAPI 3.0 equivalent; converted as csv (style form, explode false)"
                    )
                }
                out["style"] = place == "path" || place == "header" ? "simple" : "form"
                out["explode"] = false
            }
        }
        return out
    }

    /// The schema of a 2.0 non-body parameter, header or `items` object.
    private mutating func simpleSchema(_ object: JSONObject, from: JSONLocation, to: JSONLocation) -> JSONObject {
        map(to, to: from)
        var out = JSONObject()
        for (key, value) in object {
            switch key {
            case "items":
                if case .object(let items) = value {
                    out[key] = .object(simpleSchema(items, from: from.appending(key), to: to.appending(key)))
                } else {
                    out[key] = value
                }
            case "type" where value.stringValue == "file":
                out["type"] = "string"
                out["format"] = "binary"
            case "format" where object["type"]?.stringValue == "file":
                continue
            case "x-nullable":
                out["nullable"] = value
            default:
                if Swagger2Converter.schemaKeys.contains(key) { out[key] = value }
            }
        }
        return out
    }

    private mutating func requestBody(_ entry: ParameterEntry, to: JSONLocation, consumes: [String]) -> JSONValue {
        map(to, to: entry.at)
        // A request body component has the document's media types; other ones need their own copy.
        if let reference = entry.reference, entry.referencesComponent, consumes == defaultConsumes {
            return ["$ref": .string(rewrite(reference, writtenIn: entry.at.document, placedIn: to.document))]
        }
        guard let resolved = entry.resolved else { return entry.written }
        return .object(requestBody(resolved, from: entry.resolvedAt, to: to, consumes: consumes))
    }

    /// A `requestBody` from an `in: body` parameter: one content entry per consumed media type.
    private mutating func requestBody(_ parameter: JSONObject, from: JSONLocation, to: JSONLocation, consumes: [String])
        -> JSONObject
    {
        map(to, to: from)
        var out = JSONObject()
        if let description = parameter["description"] { out["description"] = description }
        var content = JSONObject()
        for mediaType in consumes {
            let at = to.appending("content").appending(mediaType)
            map(at, to: from.appending("schema"))
            var entry = JSONObject()
            if let schema = parameter["schema"] {
                entry["schema"] = self.schema(schema, from: from.appending("schema"), to: at.appending("schema"))
            }
            content[mediaType] = .object(entry)
        }
        out["content"] = .object(content)
        if let required = parameter["required"] { out["required"] = required }
        for (key, value) in parameter where key.hasPrefix("x-") { out[key] = value }
        return out
    }

    /// A `requestBody` from `in: formData` parameters: an object schema with one property per field,
    /// as `application/x-www-form-urlencoded` and/or `multipart/form-data` (file fields force multipart).
    private mutating func formBody(_ entries: [ParameterEntry], to: JSONLocation, consumes: [String]) -> JSONObject {
        let fields = entries.compactMap { entry in entry.resolved.map { (entry, $0) } }
        if let first = entries.first { map(to, to: first.at) }
        let hasFile = fields.contains { $0.1["type"]?.stringValue == "file" }
        let listed = consumes.filter { type in
            Swagger2Converter.formTypes.contains { type.lowercased().hasPrefix($0) }
        }
        let mediaTypes =
            hasFile ? ["multipart/form-data"] : (listed.isEmpty ? ["application/x-www-form-urlencoded"] : listed)
        var content = JSONObject()
        var anyRequired = false
        for mediaType in mediaTypes {
            let schemaAt = to.appending("content").appending(mediaType).appending("schema")
            var properties = JSONObject()
            var required: [JSONValue] = []
            for (entry, field) in fields {
                guard let name = field["name"]?.stringValue else { continue }
                let propertyAt = schemaAt.appending("properties").appending(name)
                var property = simpleSchema(field, from: entry.resolvedAt, to: propertyAt)
                map(propertyAt, to: entry.at)
                if let description = field["description"] { property["description"] = description }
                properties[name] = .object(property)
                if field["required"]?.boolValue == true {
                    required.append(.string(name))
                    anyRequired = true
                }
            }
            var schema = JSONObject()
            schema["type"] = "object"
            schema["properties"] = .object(properties)
            if !required.isEmpty { schema["required"] = .array(required) }
            content[mediaType] = ["schema": .object(schema)]
        }
        var out = JSONObject()
        out["content"] = .object(content)
        if anyRequired { out["required"] = true }
        return out
    }

    // MARK: Responses

    private mutating func responses(_ value: JSONValue, at here: JSONLocation, produces: [String]) -> JSONValue {
        guard case .object(let responses) = value else { return value }
        var out = JSONObject()
        for (code, response) in responses {
            out[code] =
                code.hasPrefix("x-")
                ? response
                : self.response(response, from: here.appending(code), to: here.appending(code), produces: produces)
        }
        return .object(out)
    }

    /// A response: `schema` → `content` per produced media type, `examples` → each type's `example`,
    /// headers → 3.0 headers with a `schema`.
    private mutating func response(_ value: JSONValue, from: JSONLocation, to: JSONLocation, produces: [String])
        -> JSONValue
    {
        guard case .object(let response) = value else { return value }
        map(to, to: from)
        if let reference = response["$ref"]?.stringValue {
            let (targetAt, target) = follow(value, at: from)
            // A response component has the document's media types; other ones need their own copy.
            let isComponent = targetAt.pointer.tokens.count == 2 && targetAt.pointer.tokens[0] == "responses"
            guard !isComponent || produces != defaultProduces, let target else {
                return ["$ref": .string(rewrite(reference, writtenIn: from.document, placedIn: to.document))]
            }
            return self.response(target, from: targetAt, to: to, produces: produces)
        }
        var out = JSONObject()
        var content = JSONObject()
        if let schema = response["schema"] {
            for mediaType in produces {
                let at = to.appending("content").appending(mediaType)
                map(at, to: from.appending("schema"))
                content[mediaType] = [
                    "schema": self.schema(schema, from: from.appending("schema"), to: at.appending("schema"))
                ]
            }
        }
        if case .object(let examples) = response["examples"] {
            for (mediaType, example) in examples {
                let at = to.appending("content").appending(mediaType)
                var entry = content[mediaType]?.objectValue ?? JSONObject()
                if entry.isEmpty, let schema = response["schema"] {
                    map(at, to: from.appending("schema"))
                    entry["schema"] = self.schema(schema, from: from.appending("schema"), to: at.appending("schema"))
                }
                entry["example"] = example
                map(at.appending("example"), to: from.appending("examples").appending(mediaType))
                content[mediaType] = .object(entry)
            }
        }
        for (key, child) in response {
            switch key {
            case "schema", "examples":
                if !content.isEmpty && out["content"] == nil { out["content"] = .object(content) }
            case "headers":
                guard case .object(let headers) = child else {
                    out[key] = child
                    continue
                }
                var converted = JSONObject()
                for (name, header) in headers {
                    converted[name] = self.header(
                        header, from: from.appending(key).appending(name), to: to.appending(key).appending(name))
                }
                out[key] = .object(converted)
            default:
                out[key] = child
            }
        }
        return .object(out)
    }

    private mutating func header(_ value: JSONValue, from: JSONLocation, to: JSONLocation) -> JSONValue {
        guard case .object(let header) = value, header["$ref"] == nil else { return value }
        map(to, to: from)
        var out = JSONObject()
        for (key, child) in header
        where !Swagger2Converter.schemaKeys.contains(key) && key != "collectionFormat" && key != "x-nullable" {
            out[key] = child
        }
        out["schema"] = .object(simpleSchema(header, from: from, to: to.appending("schema")))
        return .object(out)
    }

    // MARK: Security

    private mutating func securityScheme(_ value: JSONValue, from: JSONLocation, to: JSONLocation) -> JSONValue {
        guard case .object(let scheme) = value else { return value }
        map(to, to: from)
        var out = JSONObject()
        switch scheme["type"]?.stringValue {
        case "basic":
            out["type"] = "http"
            out["scheme"] = "basic"
        case "oauth2":
            out["type"] = "oauth2"
            let flowNames = [
                "implicit": "implicit", "password": "password", "application": "clientCredentials",
                "accessCode": "authorizationCode",
            ]
            let flow = scheme["flow"]?.stringValue ?? ""
            let name = flowNames[flow] ?? flow
            var object = JSONObject()
            if flow == "implicit" || flow == "accessCode", let url = scheme["authorizationUrl"] {
                object["authorizationUrl"] = url
            }
            if flow != "implicit", let url = scheme["tokenUrl"] { object["tokenUrl"] = url }
            object["scopes"] = scheme["scopes"] ?? .object(JSONObject())
            map(to.appending("flows"), to: from.appending("flow"))
            map(to.appending("flows").appending(name), to: from)
            out["flows"] = .object(JSONObject([(name, .object(object))]))
        default:
            out["type"] = scheme["type"] ?? .null
            for key in ["name", "in"] { if let v = scheme[key] { out[key] = v } }
        }
        for (key, child) in scheme where key == "description" || key.hasPrefix("x-") { out[key] = child }
        return .object(out)
    }

    // MARK: Schemas

    /// A 2.0 schema in the 3.0 dialect: `x-nullable` → `nullable` (a nullable `$ref` is wrapped in
    /// `allOf`), `type: file` → `type: string, format: binary`, a string `discriminator` → an object,
    /// `$ref`s rewritten. Example and default values are data and stay as written.
    private mutating func schema(_ value: JSONValue, from: JSONLocation, to: JSONLocation) -> JSONValue {
        guard case .object(let object) = value else { return value }
        if from != to { map(to, to: from) }
        var out = JSONObject()
        for (key, child) in object {
            switch key {
            case "$ref":
                out[key] =
                    child.stringValue.map { .string(rewrite($0, writtenIn: from.document, placedIn: to.document)) }
                    ?? child
            case "x-nullable":
                out["nullable"] = child
                map(to.appending("nullable"), to: from.appending(key))
            case "properties", "patternProperties", "definitions":
                guard case .object(let members) = child else {
                    out[key] = child
                    continue
                }
                var converted = JSONObject()
                for (name, member) in members {
                    converted[name] = schema(
                        member, from: from.appending(key).appending(name), to: to.appending(key).appending(name))
                }
                out[key] = .object(converted)
            case "items", "additionalProperties", "not":
                if case .array(let list) = child {
                    out[key] = .array(
                        list.enumerated().map {
                            schema($1, from: from.appending(key).appending($0), to: to.appending(key).appending($0))
                        })
                } else {
                    out[key] = schema(child, from: from.appending(key), to: to.appending(key))
                }
            case "allOf", "anyOf", "oneOf":
                if case .array(let list) = child {
                    out[key] = .array(
                        list.enumerated().map {
                            schema($1, from: from.appending(key).appending($0), to: to.appending(key).appending($0))
                        })
                } else {
                    out[key] = child
                }
            case "discriminator":
                if let name = child.stringValue {
                    out[key] = ["propertyName": .string(name)]
                } else {
                    out[key] = child
                }
            case "type" where child.stringValue == "file":
                out["type"] = "string"
                out["format"] = "binary"
            case "format" where object["type"]?.stringValue == "file":
                continue
            default:
                out[key] = child
            }
        }
        if let ref = out["$ref"], out["nullable"]?.boolValue == true {
            // 3.0 ignores siblings of `$ref`: wrap it so `nullable` applies.
            out.removeValue(forKey: "$ref")
            out["allOf"] = [["$ref": ref]]
            map(to.appending("allOf").appending(0), to: from)
        }
        return .object(out)
    }

    // MARK: References

    /// `ref` (written in `writtenIn`) for the converted layout, placed in `placedIn`: `#/definitions/X`
    /// → `#/components/schemas/X`, `#/parameters/X` → `#/components/parameters/X` (or
    /// `requestBodies` for a body parameter), `#/responses/X` → `#/components/responses/X`,
    /// `#/securityDefinitions/X` → `#/components/securitySchemes/X`, in any document.
    private func rewrite(_ ref: String, writtenIn: String, placedIn: String) -> String {
        let absolute = URIReference.resolve(ref, against: writtenIn)
        let document = URIReference.stripFragment(absolute)
        guard let fragment = URIReference.fragment(of: absolute), let pointer = JSONPointer("#" + fragment),
            pointer.tokens.count >= 2
        else { return ref }
        var tokens = pointer.tokens
        switch tokens[0] {
        case "definitions":
            tokens.replaceSubrange(0..<1, with: ["components", "schemas"])
        case "parameters":
            let target = original.value(
                at: JSONLocation(document: document, pointer: JSONPointer(tokens: Array(tokens.prefix(2)))))
            let kind = target?["in"]?.stringValue == "body" ? "requestBodies" : "parameters"
            tokens.replaceSubrange(0..<1, with: ["components", kind])
        case "responses":
            tokens.replaceSubrange(0..<1, with: ["components", "responses"])
        case "securityDefinitions":
            tokens.replaceSubrange(0..<1, with: ["components", "securitySchemes"])
        default:
            return ref
        }
        let newFragment = JSONPointer(tokens: tokens).uriFragment
        if writtenIn == placedIn {
            let written = ref.firstIndex(of: "#").map { String(ref[..<$0]) } ?? ref
            return written + newFragment
        }
        return (document == placedIn ? "" : document) + newFragment
    }

    // MARK: Helpers

    private static func mediaTypes(_ value: JSONValue?) -> [String]? {
        guard case .array(let list) = value else { return nil }
        let types = list.compactMap(\.stringValue)
        return types.isEmpty ? nil : types
    }

    private mutating func map(_ converted: JSONLocation, to original: JSONLocation) {
        maps[converted.document, default: SourcePointerMap()].map(converted.pointer, to: original)
    }

    private mutating func note(_ location: JSONLocation, _ message: String) {
        notes.append(Swagger2Conversion.Note(location: location, message: message))
    }
}
