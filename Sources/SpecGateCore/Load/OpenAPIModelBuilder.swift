import SpecGateJSON

/// Builds the operation model (`APISpec`) from a loaded OpenAPI 3.0.x or 3.1.x document set.
///
/// Non-schema `$ref`s (path items, parameters, request bodies, responses, headers, examples,
/// links, security schemes) are followed; schemas are not inlined but referenced by location.
public struct OpenAPIModelBuilder {
    let documents: LoadedDocuments
    let resolver: ReferenceResolver

    private init(_ documents: LoadedDocuments) {
        self.documents = documents
        self.resolver = ReferenceResolver(store: documents.store)
    }

    /// The API model of `docs`. Anything other than `openapi: 3.0.x`/`3.1.x` is refused.
    public static func build(_ docs: LoadedDocuments) throws(SpecLoadError) -> APISpec {
        try OpenAPIModelBuilder(docs).build()
    }

    private func build() throws(SpecLoadError) -> APISpec {
        let rootLocation = JSONLocation(document: documents.rootURI)
        guard case .object(let root) = documents.root else {
            throw documents.failure("not an OpenAPI document: the root is not an object", at: rootLocation)
        }
        let (version, dialect) = try openAPIVersion(root, at: rootLocation)
        let info = try self.info(root, at: rootLocation)
        let components = rootLocation.appending("components")
        let schemes = try securitySchemes(at: components.appending("securitySchemes"))
        let rootSecurity = try securityRequirements(at: rootLocation.appending("security")) ?? []
        var operations: [Operation] = []
        let pathsLocation = rootLocation.appending("paths")
        if let paths = root["paths"] {
            guard case .object(let items) = paths else {
                throw documents.failure("`paths` must be an object", at: pathsLocation)
            }
            for (path, _) in items where !path.hasPrefix("x-") {
                guard path.hasPrefix("/") else {
                    throw documents.failure("path \"\(path)\" must start with \"/\"", at: pathsLocation.appending(path))
                }
                operations += try pathItem(path, at: pathsLocation.appending(path), rootSecurity: rootSecurity)
            }
        }
        return APISpec(
            title: info.title, version: info.version,
            openAPIVersion: version, dialect: dialect, servers: servers(root["servers"]), operations: operations,
            securitySchemes: schemes, documents: documents.store, rootURI: documents.rootURI)
    }

    private func openAPIVersion(_ root: JSONObject, at location: JSONLocation) throws(SpecLoadError) -> (
        String, SpecSchemaDialect
    ) {
        if let swagger = root["swagger"] {
            let text = swagger.stringValue ?? swagger.description
            throw documents.failure(
                "Swagger \(text) documents are not supported here; load them with DocumentSetLoader, which converts Swagger 2.0",
                at: location.appending("swagger"))
        }
        guard let field = root["openapi"] else {
            throw documents.failure("not an OpenAPI document: the `openapi` version field is missing", at: location)
        }
        guard let version = field.stringValue else {
            throw documents.failure(
                "`openapi` must be a version string such as \"3.0.3\" (quote it in YAML)",
                at: location.appending("openapi"))
        }
        if version == "3.0" || version.hasPrefix("3.0.") { return (version, .openAPI30) }
        if version == "3.1" || version.hasPrefix("3.1.") { return (version, .jsonSchema2020_12) }
        throw documents.failure(
            "unsupported OpenAPI version \"\(version)\" (SpecGate reads 3.0.x and 3.1.x)",
            at: location.appending("openapi"))
    }

    /// The required `info` object's `title` and `version`.
    private func info(_ root: JSONObject, at location: JSONLocation) throws(SpecLoadError) -> (
        title: String, version: String
    ) {
        guard let value = root["info"] else {
            throw documents.failure("not an OpenAPI document: the required `info` object is missing", at: location)
        }
        let infoLocation = location.appending("info")
        guard case .object(let info) = value else {
            throw documents.failure("`info` must be an object", at: infoLocation)
        }
        return (try string(info, "title", at: infoLocation) ?? "", try string(info, "version", at: infoLocation) ?? "")
    }

    /// Server URLs with their variables replaced by the variables' defaults.
    private func servers(_ value: JSONValue?) -> [String] {
        guard case .array(let list) = value else { return [] }
        return list.compactMap { server in
            guard var url = server["url"]?.stringValue else { return nil }
            if case .object(let variables) = server["variables"] {
                for (name, variable) in variables {
                    if let value = variable["default"]?.stringValue { url = url.replacing("{\(name)}", with: value) }
                }
            }
            return url
        }
    }

    // MARK: Paths and operations

    private func pathItem(_ path: String, at location: JSONLocation, rootSecurity: [SecurityRequirement])
        throws(SpecLoadError) -> [Operation]
    {
        let (itemLocation, itemValue) = try deref(location)
        guard case .object(let item) = itemValue else {
            throw documents.failure("path item must be an object", at: itemLocation)
        }
        let shared = try parameters(at: itemLocation.appending("parameters"), inherited: [])
        var operations: [Operation] = []
        for (key, _) in item {
            guard let method = HTTPMethod(rawValue: key) else { continue }
            operations.append(
                try operation(
                    method, path: path, at: itemLocation.appending(key), shared: shared, rootSecurity: rootSecurity))
        }
        return operations
    }

    private func operation(
        _ method: HTTPMethod, path: String, at location: JSONLocation, shared: [ParameterSpec],
        rootSecurity: [SecurityRequirement]
    ) throws(SpecLoadError) -> Operation {
        let object = try self.object(at: location, what: "operation")
        let operationId = try string(object, "operationId", at: location)
        var tags: [String] = []
        if let value = object["tags"] {
            let names = value.arrayValue?.compactMap(\.stringValue)
            guard let names, names.count == value.arrayValue?.count else {
                throw documents.failure("`tags` must be an array of strings", at: location.appending("tags"))
            }
            tags = names
        }
        var requestBody: RequestBodySpec?
        if object["requestBody"] != nil {
            requestBody = try self.requestBody(at: location.appending("requestBody"))
        }
        var responses: [ResponseSpec] = []
        if object["responses"] != nil {
            responses = try self.responses(at: location.appending("responses"))
        }
        return Operation(
            id: operationId ?? method.wireName + " " + path, operationId: operationId, method: method, path: path,
            tags: tags, summary: try string(object, "summary", at: location),
            deprecated: try bool(object, "deprecated", at: location) ?? false,
            parameters: try parameters(at: location.appending("parameters"), inherited: shared),
            requestBody: requestBody, responses: responses,
            security: try securityRequirements(at: location.appending("security")) ?? rootSecurity,
            source: location)
    }

    // MARK: Parameters

    /// The parameters listed at `location` (if any) merged over `inherited`: one with the same
    /// name and location replaces the inherited one in place (header names ignore case).
    private func parameters(at location: JSONLocation, inherited: [ParameterSpec]) throws(SpecLoadError)
        -> [ParameterSpec]
    {
        guard let value = documents.store.value(at: location) else { return inherited }
        guard case .array(let list) = value else {
            throw documents.failure("`parameters` must be an array", at: location)
        }
        var merged = inherited
        for index in list.indices {
            let parameter = try self.parameter(at: location.appending(index))
            if let existing = merged.firstIndex(where: { $0.key == parameter.key }) {
                merged[existing] = parameter
            } else {
                merged.append(parameter)
            }
        }
        return merged
    }

    private func parameter(at reference: JSONLocation) throws(SpecLoadError) -> ParameterSpec {
        let (location, value) = try deref(reference)
        guard case .object(let object) = value else {
            throw documents.failure("parameter must be an object", at: location)
        }
        guard let name = try string(object, "name", at: location) else {
            throw documents.failure("parameter has no `name`", at: location)
        }
        guard let placeText = try string(object, "in", at: location), let place = ParameterLocation(rawValue: placeText)
        else {
            throw documents.failure(
                "parameter \"\(name)\" needs `in`: one of path, query, header, cookie", at: location)
        }
        var style: ParameterStyle?
        if let text = try string(object, "style", at: location) {
            guard let parsed = ParameterStyle(rawValue: text) else {
                throw documents.failure("unknown parameter style \"\(text)\"", at: location.appending("style"))
            }
            style = parsed
        }
        return ParameterSpec(
            name: name, location: place, required: try bool(object, "required", at: location) ?? false,
            deprecated: try bool(object, "deprecated", at: location) ?? false,
            schema: object["schema"] == nil ? nil : try schemaLocation(location.appending("schema")),
            style: style, explode: try bool(object, "explode", at: location),
            allowReserved: try bool(object, "allowReserved", at: location) ?? false,
            content: try mediaTypes(at: location.appending("content")),
            examples: try examples(object, at: location), source: location)
    }

    // MARK: Helpers shared with the content extension

    func deref(_ location: JSONLocation) throws(SpecLoadError) -> (JSONLocation, JSONValue) {
        do {
            return try resolver.deref(location)
        } catch {
            throw documents.locating(error)
        }
    }

    func schemaLocation(_ location: JSONLocation) throws(SpecLoadError) -> JSONLocation {
        do {
            return try resolver.schemaLocation(location)
        } catch {
            throw documents.locating(error)
        }
    }

    func object(at location: JSONLocation, what: String) throws(SpecLoadError) -> JSONObject {
        guard case .object(let object) = documents.store.value(at: location) else {
            throw documents.failure("\(what) must be an object", at: location)
        }
        return object
    }

    func string(_ object: JSONObject, _ key: String, at location: JSONLocation) throws(SpecLoadError) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let text) = value else {
            throw documents.failure("`\(key)` must be a string", at: location.appending(key))
        }
        return text
    }

    func bool(_ object: JSONObject, _ key: String, at location: JSONLocation) throws(SpecLoadError) -> Bool? {
        guard let value = object[key] else { return nil }
        guard case .bool(let flag) = value else {
            throw documents.failure("`\(key)` must be true or false", at: location.appending(key))
        }
        return flag
    }
}
