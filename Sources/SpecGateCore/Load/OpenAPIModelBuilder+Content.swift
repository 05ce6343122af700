import SpecGateJSON

/// Request bodies, responses, media types, headers, links, examples and security.
extension OpenAPIModelBuilder {
    func requestBody(at reference: JSONLocation) throws(SpecLoadError) -> RequestBodySpec {
        let (location, value) = try deref(reference)
        guard case .object(let object) = value else {
            throw documents.failure("request body must be an object", at: location)
        }
        return RequestBodySpec(
            required: try bool(object, "required", at: location) ?? false,
            content: try mediaTypes(at: location.appending("content")), source: location)
    }

    /// The `content` map at `location` (empty when absent).
    func mediaTypes(at location: JSONLocation) throws(SpecLoadError) -> [MediaTypeSpec] {
        guard let value = documents.store.value(at: location) else { return [] }
        guard case .object(let content) = value else {
            throw documents.failure("`content` must be an object", at: location)
        }
        var result: [MediaTypeSpec] = []
        for (mediaType, _) in content {
            let entry = location.appending(mediaType)
            let object = try self.object(at: entry, what: "media type object")
            var encoding: JSONObject?
            if let value = object["encoding"] {
                guard case .object(let map) = value else {
                    throw documents.failure("`encoding` must be an object", at: entry.appending("encoding"))
                }
                encoding = map
            }
            result.append(
                MediaTypeSpec(
                    mediaType: mediaType,
                    schema: object["schema"] == nil ? nil : try schemaLocation(entry.appending("schema")),
                    examples: try examples(object, at: entry), encoding: encoding, source: entry))
        }
        return result
    }

    /// `example` and the `value` of every `examples` entry (following `$ref`s), in document order.
    func examples(_ object: JSONObject, at location: JSONLocation) throws(SpecLoadError) -> [JSONValue] {
        var result: [JSONValue] = []
        if let example = object["example"] { result.append(example) }
        guard let value = object["examples"] else { return result }
        guard case .object(let map) = value else {
            throw documents.failure("`examples` must be an object", at: location.appending("examples"))
        }
        for (name, _) in map {
            let (_, example) = try deref(location.appending("examples").appending(name))
            if let literal = example["value"] { result.append(literal) }
        }
        return result
    }

    func responses(at location: JSONLocation) throws(SpecLoadError) -> [ResponseSpec] {
        let map = try object(at: location, what: "`responses`")
        var result: [ResponseSpec] = []
        for (key, _) in map where !key.hasPrefix("x-") {
            guard let status = StatusPattern(key) else {
                throw documents.failure(
                    "response key \"\(key)\" is not a status code (100–599), a range such as 4XX, or default",
                    at: location.appending(key))
            }
            let (responseLocation, value) = try deref(location.appending(key))
            guard case .object(let response) = value else {
                throw documents.failure("response must be an object", at: responseLocation)
            }
            result.append(
                ResponseSpec(
                    status: status, description: try string(response, "description", at: responseLocation) ?? "",
                    content: try mediaTypes(at: responseLocation.appending("content")),
                    headers: try headers(at: responseLocation.appending("headers")),
                    links: try links(at: responseLocation.appending("links")), source: responseLocation))
        }
        return result
    }

    /// Response headers; `Content-Type` is left out, as OpenAPI says it is ignored there.
    private func headers(at location: JSONLocation) throws(SpecLoadError) -> [HeaderSpec] {
        guard let value = documents.store.value(at: location) else { return [] }
        guard case .object(let map) = value else {
            throw documents.failure("`headers` must be an object", at: location)
        }
        var result: [HeaderSpec] = []
        for (name, _) in map where name.lowercased() != "content-type" {
            let (headerLocation, headerValue) = try deref(location.appending(name))
            guard case .object(let header) = headerValue else {
                throw documents.failure("header must be an object", at: headerLocation)
            }
            var schema: JSONLocation?
            if header["schema"] != nil {
                schema = try schemaLocation(headerLocation.appending("schema"))
            } else {
                schema = try mediaTypes(at: headerLocation.appending("content")).first?.schema
            }
            result.append(
                HeaderSpec(
                    name: name, required: try bool(header, "required", at: headerLocation) ?? false, schema: schema,
                    source: headerLocation))
        }
        return result
    }

    private func links(at location: JSONLocation) throws(SpecLoadError) -> [LinkSpec] {
        guard let value = documents.store.value(at: location) else { return [] }
        guard case .object(let map) = value else { throw documents.failure("`links` must be an object", at: location) }
        var result: [LinkSpec] = []
        for (name, _) in map {
            let (linkLocation, linkValue) = try deref(location.appending(name))
            guard case .object(let link) = linkValue else {
                throw documents.failure("link must be an object", at: linkLocation)
            }
            var parameters: [String: String] = [:]
            if let value = link["parameters"] {
                guard case .object(let expressions) = value else {
                    throw documents.failure(
                        "link `parameters` must be an object", at: linkLocation.appending("parameters"))
                }
                for (parameter, expression) in expressions {
                    parameters[parameter] = expression.stringValue ?? expression.description
                }
            }
            let requestBody = link["requestBody"].map { $0.stringValue ?? $0.description }
            result.append(
                LinkSpec(
                    name: name, operationId: try string(link, "operationId", at: linkLocation),
                    operationRef: try string(link, "operationRef", at: linkLocation), parameters: parameters,
                    requestBody: requestBody, source: linkLocation))
        }
        return result
    }

    /// A `security` list, or nil when there is none at `location`.
    func securityRequirements(at location: JSONLocation) throws(SpecLoadError) -> [SecurityRequirement]? {
        guard let value = documents.store.value(at: location) else { return nil }
        guard case .array(let list) = value else {
            throw documents.failure("`security` must be an array", at: location)
        }
        var result: [SecurityRequirement] = []
        for (index, entry) in list.enumerated() {
            guard case .object(let map) = entry else {
                throw documents.failure("security requirement must be an object", at: location.appending(index))
            }
            var schemes: [String: [String]] = [:]
            for (name, scopes) in map {
                let names = scopes.arrayValue?.compactMap(\.stringValue)
                guard let names, names.count == scopes.arrayValue?.count else {
                    throw documents.failure(
                        "scopes of \"\(name)\" must be an array of strings",
                        at: location.appending(index).appending(name))
                }
                schemes[name] = names
            }
            result.append(SecurityRequirement(schemes: schemes))
        }
        return result
    }

    func securitySchemes(at location: JSONLocation) throws(SpecLoadError) -> [String: SecurityScheme] {
        guard let value = documents.store.value(at: location) else { return [:] }
        guard case .object(let map) = value else {
            throw documents.failure("`securitySchemes` must be an object", at: location)
        }
        var result: [String: SecurityScheme] = [:]
        for (name, _) in map {
            let (schemeLocation, schemeValue) = try deref(location.appending(name))
            guard case .object(let scheme) = schemeValue else {
                throw documents.failure("security scheme must be an object", at: schemeLocation)
            }
            guard let typeText = try string(scheme, "type", at: schemeLocation),
                let kind = SecurityScheme.Kind(rawValue: typeText)
            else {
                throw documents.failure(
                    "security scheme \"\(name)\" needs `type`: apiKey, http, oauth2, openIdConnect or mutualTLS",
                    at: schemeLocation)
            }
            var place: ParameterLocation?
            if let text = try string(scheme, "in", at: schemeLocation) {
                guard let parsed = ParameterLocation(rawValue: text), parsed != .path else {
                    throw documents.failure(
                        "apiKey `in` must be query, header or cookie", at: schemeLocation.appending("in"))
                }
                place = parsed
            }
            result[name] = SecurityScheme(
                name: name, kind: kind, scheme: try string(scheme, "scheme", at: schemeLocation)?.lowercased(),
                location: place, parameterName: try string(scheme, "name", at: schemeLocation))
        }
        return result
    }
}
