import SpecGateJSON

/// Compares two versions of an API (OLD and NEW) operation by operation and lists every contract
/// change, classified `breaking` or `non-breaking` for existing clients.
///
/// Operations are matched by method and path template with parameter names ignored
/// (`/a/{id}` = `/a/{uid}`). Parameters match by location and name, responses by status key,
/// media types by their essence. Schemas are compared structurally by `SchemaDiff`.
public struct SpecDiff {
    public let old: APISpec
    public let new: APISpec

    public init(old: APISpec, new: APISpec) {
        self.old = old
        self.new = new
    }

    /// Every change: NEW's operations in order, then OLD's removed operations.
    public func changes() -> [SpecChange] {
        let oldByKey = Dictionary(
            old.operations.map { (SpecDiff.key(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.operations.map(SpecDiff.key(of:)))
        var changes: [SpecChange] = []
        for operation in new.operations {
            guard let before = oldByKey[SpecDiff.key(of: operation)] else {
                changes.append(
                    change(.nonBreaking, .operationAdded, operation, at: operation.source, "operation added"))
                continue
            }
            changes += compare(before, operation)
        }
        for operation in old.operations where !newKeys.contains(SpecDiff.key(of: operation)) {
            changes.append(change(.breaking, .operationRemoved, operation, at: operation.source, "operation removed"))
        }
        return changes
    }

    /// "GET /v2/bookings/{}": method and path template with parameter names blanked.
    public static func key(of operation: Operation) -> String {
        var path = ""
        var inName = false
        for character in operation.path {
            if character == "{" {
                inName = true
                path.append("{")
            } else if character == "}" {
                inName = false
                path.append("}")
            } else if !inName {
                path.append(character)
            }
        }
        return operation.method.wireName + " " + path
    }

    // MARK: Operations

    private func compare(_ before: Operation, _ after: Operation) -> [SpecChange] {
        var schemas = SchemaDiff(
            old: old.documents, new: new.documents, oldDialect: old.dialect, newDialect: new.dialect,
            subject: SchemaDiff.Subject(operation: after.id, operationName: after.displayName))
        var changes = compareParameters(before, after, schemas: &schemas)
        changes += compareRequestBody(before, after, schemas: &schemas)
        changes += compareResponses(before, after, schemas: &schemas)
        changes += compareSecurity(before, after)
        return changes + schemas.changes
    }

    private func compareParameters(_ before: Operation, _ after: Operation, schemas: inout SchemaDiff) -> [SpecChange] {
        var changes: [SpecChange] = []
        let oldByKey = Dictionary(before.parameters.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(after.parameters.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var moved: Set<String> = []
        for parameter in after.parameters {
            let label = "\(parameter.location.rawValue) parameter \(parameter.name)"
            guard let previous = oldByKey[parameter.key] else {
                if let origin = before.parameters.first(where: {
                    $0.name.lowercased() == parameter.name.lowercased() && newByKey[$0.key] == nil
                }) {
                    moved.insert(origin.key)
                    changes.append(
                        change(
                            .breaking, .parameterMoved, after, at: parameter.source,
                            "parameter \(parameter.name) moved from \(origin.location.rawValue) to \(parameter.location.rawValue)"
                        ))
                    compareSchemas(origin.schema, parameter.schema, .request, label, schemas: &schemas)
                } else if parameter.required {
                    changes.append(
                        change(.breaking, .parameterAdded, after, at: parameter.source, "required \(label) added"))
                } else {
                    changes.append(
                        change(.nonBreaking, .parameterAdded, after, at: parameter.source, "optional \(label) added"))
                }
                continue
            }
            if parameter.required && !previous.required {
                changes.append(
                    change(.breaking, .parameterBecameRequired, after, at: parameter.source, "\(label) became required")
                )
            } else if !parameter.required && previous.required {
                changes.append(
                    change(
                        .nonBreaking, .parameterBecameOptional, after, at: parameter.source, "\(label) became optional")
                )
            }
            compareSchemas(previous.schema, parameter.schema, .request, label, schemas: &schemas)
        }
        for parameter in before.parameters where newByKey[parameter.key] == nil && !moved.contains(parameter.key) {
            changes.append(
                change(
                    .breaking, .parameterRemoved, after, at: parameter.source,
                    "\(parameter.location.rawValue) parameter \(parameter.name) removed (clients that send it lose its effect)"
                ))
        }
        return changes
    }

    private func compareRequestBody(_ before: Operation, _ after: Operation, schemas: inout SchemaDiff) -> [SpecChange]
    {
        switch (before.requestBody, after.requestBody) {
        case (nil, nil):
            return []
        case (nil, let body?):
            return [
                change(
                    body.required ? .breaking : .nonBreaking, .requestBodyAdded, after, at: body.source,
                    "\(body.required ? "required" : "optional") request body added")
            ]
        case (let body?, nil):
            return [change(.breaking, .requestBodyRemoved, after, at: body.source, "request body removed")]
        case (let previous?, let body?):
            var changes: [SpecChange] = []
            if body.required && !previous.required {
                changes.append(
                    change(
                        .breaking, .requestBodyBecameRequired, after, at: body.source, "request body became required"))
            } else if !body.required && previous.required {
                changes.append(
                    change(
                        .nonBreaking, .requestBodyBecameOptional, after, at: body.source, "request body became optional"
                    ))
            }
            changes += compareContent(
                previous.content, body.content, direction: .request, label: "request body", operation: after,
                removed: .requestContentTypeRemoved, added: .requestContentTypeAdded, schemas: &schemas)
            return changes
        }
    }

    private func compareResponses(_ before: Operation, _ after: Operation, schemas: inout SchemaDiff) -> [SpecChange] {
        var changes: [SpecChange] = []
        for response in after.responses {
            guard let previous = before.responses.first(where: { $0.status == response.status }) else {
                changes.append(
                    change(
                        .nonBreaking, .responseStatusAdded, after, at: response.source,
                        "response \(response.status) added"))
                continue
            }
            let label = "response \(response.status)"
            changes += compareContent(
                previous.content, response.content, direction: .response, label: label, operation: after,
                removed: .responseContentTypeRemoved, added: .responseContentTypeAdded, schemas: &schemas)
            for header in previous.headers where header.required {
                if !response.headers.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
                    changes.append(
                        change(
                            .breaking, .responseHeaderRemoved, after, at: header.source,
                            "\(label): required header \(header.name) removed"))
                }
            }
        }
        for response in before.responses where !after.responses.contains(where: { $0.status == response.status }) {
            let success: Bool
            switch response.status {
            case .exact(let code): success = (200...299).contains(code)
            case .range(let digit): success = digit == 2
            case .default: success = false
            }
            changes.append(
                change(
                    success ? .breaking : .nonBreaking, .responseStatusRemoved, after, at: response.source,
                    "response \(response.status) removed" + (success ? " (a documented success status)" : "")))
        }
        return changes
    }

    private func compareContent(
        _ before: [MediaTypeSpec], _ after: [MediaTypeSpec], direction: SchemaDiff.Direction, label: String,
        operation: Operation,
        removed: SpecChange.Kind, added: SpecChange.Kind, schemas: inout SchemaDiff
    ) -> [SpecChange] {
        var changes: [SpecChange] = []
        for media in after {
            let essence = MediaTypeSpec.essence(of: media.mediaType)
            guard let previous = before.first(where: { MediaTypeSpec.essence(of: $0.mediaType) == essence }) else {
                changes.append(
                    change(
                        .nonBreaking, added, operation, at: media.source,
                        "\(label): content type \(media.mediaType) added"))
                continue
            }
            compareSchemas(previous.schema, media.schema, direction, label + " " + essence, schemas: &schemas)
        }
        for media in before
        where !after.contains(where: {
            MediaTypeSpec.essence(of: $0.mediaType) == MediaTypeSpec.essence(of: media.mediaType)
        }) {
            changes.append(
                change(
                    .breaking, removed, operation, at: media.source, "\(label): content type \(media.mediaType) removed"
                ))
        }
        return changes
    }

    private func compareSchemas(
        _ before: JSONLocation?, _ after: JSONLocation?, _ direction: SchemaDiff.Direction, _ label: String,
        schemas: inout SchemaDiff
    ) {
        guard let before, let after else { return }
        schemas.compare(old: before, new: after, direction: direction, context: label)
    }

    private func compareSecurity(_ before: Operation, _ after: Operation) -> [SpecChange] {
        let oldRequirements = Set(before.security.map { requirement(of: $0, in: old) })
        let newRequirements = Set(after.security.map { requirement(of: $0, in: new) })
        guard oldRequirements != newRequirements else { return [] }
        let describe = { (set: Set<String>) in set.isEmpty ? "none" : set.sorted().joined(separator: " or ") }
        let message = "security changed from \(describe(oldRequirements)) to \(describe(newRequirements))"
        // Dropping every requirement, or adding alternatives to required ones, keeps old clients working.
        let loosened = !after.requiresAuth || (before.requiresAuth && newRequirements.isSuperset(of: oldRequirements))
        return [change(loosened ? .nonBreaking : .breaking, .securityChanged, after, at: after.source, message)]
    }

    /// "bearerAuth(http bearer)+apiKey(apiKey header X-Key)[scope]": scheme names with their definitions.
    private func requirement(of requirement: SecurityRequirement, in spec: APISpec) -> String {
        if requirement.isAnonymous { return "anonymous" }
        return requirement.schemes.keys.sorted().map { name in
            let scopes = requirement.schemes[name] ?? []
            let definition =
                spec.securitySchemes[name].map { scheme in
                    [scheme.kind.rawValue, scheme.scheme, scheme.location?.rawValue, scheme.parameterName].compactMap {
                        $0
                    }.joined(separator: " ")
                } ?? "undefined"
            return "\(name)(\(definition))" + (scopes.isEmpty ? "" : "[" + scopes.sorted().joined(separator: ",") + "]")
        }.joined(separator: "+")
    }

    private func change(
        _ severity: ChangeSeverity, _ kind: SpecChange.Kind, _ operation: Operation, at location: JSONLocation,
        _ message: String
    ) -> SpecChange {
        SpecChange(
            severity: severity, kind: kind, operation: operation.id, operationName: operation.displayName,
            location: location, message: message)
    }
}
