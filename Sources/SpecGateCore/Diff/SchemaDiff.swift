import SpecGateJSON

/// Structural comparison of two resolved schemas (OLD and NEW), classified by the direction the data
/// travels: in a request, narrowing what is accepted breaks clients; in a response, widening what may
/// be sent breaks (strict) clients.
///
/// `$ref`s are followed on both sides (a `$ref` object's sibling keywords are not compared). Each pair
/// of (OLD location, NEW location, direction) is visited once, so recursive schemas terminate.
public struct SchemaDiff {
    /// Which way the data travels.
    public enum Direction: String, Sendable, Hashable {
        case request, response
    }

    /// What a change found by the walk needs from the operation that reaches it.
    public struct Subject: Sendable, Hashable {
        public var operation: String
        public var operationName: String

        public init(operation: String, operationName: String) {
            self.operation = operation
            self.operationName = operationName
        }
    }

    let old: DocumentStore
    let new: DocumentStore
    let oldDialect: SpecSchemaDialect
    let newDialect: SpecSchemaDialect
    let subject: Subject
    private var visited: Set<Visit> = []
    /// The changes found so far, in walk order.
    public private(set) var changes: [SpecChange] = []

    private struct Visit: Hashable {
        var old: JSONLocation
        var new: JSONLocation
        var direction: Direction
    }

    public init(
        old: DocumentStore, new: DocumentStore, oldDialect: SpecSchemaDialect, newDialect: SpecSchemaDialect,
        subject: Subject
    ) {
        self.old = old
        self.new = new
        self.oldDialect = oldDialect
        self.newDialect = newDialect
        self.subject = subject
    }

    /// Compares the schema at `old` with the one at `new`; `context` names where the schema is used
    /// ("request body application/json", "response 200 application/json", "query parameter status").
    public mutating func compare(old: JSONLocation, new: JSONLocation, direction: Direction, context: String) {
        walk(old: old, new: new, direction: direction, context: context, path: "")
    }

    private mutating func walk(
        old oldStart: JSONLocation, new newStart: JSONLocation, direction: Direction, context: String, path: String
    ) {
        let oldLocation = ReferenceResolver.following(oldStart, in: old)
        let newLocation = ReferenceResolver.following(newStart, in: new)
        guard visited.insert(Visit(old: oldLocation, new: newLocation, direction: direction)).inserted else { return }
        let oldSchema = SchemaDiff.object(old.value(at: oldLocation))
        let newSchema = SchemaDiff.object(new.value(at: newLocation))
        let at = context + (path.isEmpty ? "" : " " + path)

        compareTypes(oldSchema, newSchema, at: newLocation, direction: direction, what: at)
        compareEnums(oldSchema, newSchema, at: newLocation, direction: direction, what: at)
        compareBounds(oldSchema, newSchema, at: newLocation, direction: direction, what: at)
        compareProperties(
            oldSchema, newSchema, old: oldLocation, new: newLocation, direction: direction, context: context, path: path
        )
        if oldSchema["items"]?.objectValue != nil, newSchema["items"]?.objectValue != nil {
            walk(
                old: oldLocation.appending("items"), new: newLocation.appending("items"), direction: direction,
                context: context, path: path + "[]")
        }
        if oldSchema["additionalProperties"]?.objectValue != nil, newSchema["additionalProperties"]?.objectValue != nil
        {
            walk(
                old: oldLocation.appending("additionalProperties"), new: newLocation.appending("additionalProperties"),
                direction: direction, context: context, path: path + "{*}")
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            let oldBranches = oldSchema[keyword]?.arrayValue ?? []
            let newBranches = newSchema[keyword]?.arrayValue ?? []
            if oldBranches.count == newBranches.count {
                for index in oldBranches.indices {
                    walk(
                        old: oldLocation.appending(keyword).appending(index),
                        new: newLocation.appending(keyword).appending(index),
                        direction: direction, context: context, path: path + "/\(keyword)[\(index)]")
                }
                continue
            }
            // More anyOf/oneOf branches accept more; more allOf branches accept less.
            let widened = (keyword == "allOf") == (newBranches.count < oldBranches.count)
            record(
                breaks(widened: widened, direction), .compositionChanged,
                at: newBranches.isEmpty ? oldLocation.appending(keyword) : newLocation.appending(keyword),
                "\(at): \(keyword) has \(newBranches.count) branches, was \(oldBranches.count)")
        }
    }

    // MARK: Keywords

    private mutating func compareTypes(
        _ oldSchema: JSONObject, _ newSchema: JSONObject, at location: JSONLocation, direction: Direction, what: String
    ) {
        let oldTypes = SchemaDiff.types(oldSchema, dialect: oldDialect)
        let newTypes = SchemaDiff.types(newSchema, dialect: newDialect)
        let oldNullable = oldTypes?.contains("null") ?? true
        let newNullable = newTypes?.contains("null") ?? true
        let oldConcrete = oldTypes.map { $0.subtracting(["null"]) }
        let newConcrete = newTypes.map { $0.subtracting(["null"]) }
        switch (oldConcrete, newConcrete) {
        case (nil, nil):
            break
        case (nil, let newSet?):
            record(
                breaks(widened: false, direction), .typeChanged, at: location.appending("type"),
                "\(what): type now restricted to \(SchemaDiff.describe(newSet))")
        case (let oldSet?, nil):
            record(
                breaks(widened: true, direction), .typeChanged, at: location,
                "\(what): type no longer restricted (was \(SchemaDiff.describe(oldSet)))")
        case (let oldSet?, let newSet?):
            let removed = oldSet.filter { !SchemaDiff.covers(newSet, $0) }
            let added = newSet.filter { !SchemaDiff.covers(oldSet, $0) }
            if removed.isEmpty && added.isEmpty { break }
            let message = "\(what): type changed from \(SchemaDiff.describe(oldSet)) to \(SchemaDiff.describe(newSet))"
            let breaking = direction == .request ? !removed.isEmpty : !added.isEmpty
            record(breaking ? .breaking : .nonBreaking, .typeChanged, at: location.appending("type"), message)
        }
        if oldTypes != nil && newTypes != nil && oldNullable != newNullable {
            if newNullable {
                record(breaks(widened: true, direction), .nullableAdded, at: location, "\(what): became nullable")
            } else {
                record(breaks(widened: false, direction), .nullableRemoved, at: location, "\(what): no longer nullable")
            }
        }
    }

    private mutating func compareEnums(
        _ oldSchema: JSONObject, _ newSchema: JSONObject, at location: JSONLocation, direction: Direction, what: String
    ) {
        let oldValues = SchemaDiff.enumeration(oldSchema)
        let newValues = SchemaDiff.enumeration(newSchema)
        let pointer = location.appending(newSchema["enum"] != nil ? "enum" : "const")
        switch (oldValues, newValues) {
        case (nil, nil):
            break
        case (nil, let values?):
            record(
                breaks(widened: false, direction), .enumChanged, at: pointer,
                "\(what): now restricted to \(values.map(JSONWriter.compact).joined(separator: ", "))")
        case (let values?, nil):
            record(
                breaks(widened: true, direction), .enumChanged, at: location,
                "\(what): no longer restricted to \(values.map(JSONWriter.compact).joined(separator: ", "))")
        case (let oldSet?, let newSet?):
            let removed = oldSet.filter { !newSet.contains($0) }
            let added = newSet.filter { !oldSet.contains($0) }
            if !removed.isEmpty {
                record(
                    breaks(widened: false, direction), .enumValueRemoved, at: pointer,
                    "\(what): enum value\(removed.count == 1 ? "" : "s") \(removed.map(JSONWriter.compact).joined(separator: ", ")) removed"
                )
            }
            if !added.isEmpty {
                record(
                    breaks(widened: true, direction), .enumValueAdded, at: pointer,
                    "\(what): enum value\(added.count == 1 ? "" : "s") \(added.map(JSONWriter.compact).joined(separator: ", ")) added"
                )
            }
        }
    }

    /// Lower bounds tighten when they grow, upper bounds when they shrink; a new bound tightens, a
    /// dropped one loosens. `pattern` and `format`: any change counts as both (breaking either way).
    private mutating func compareBounds(
        _ oldSchema: JSONObject, _ newSchema: JSONObject, at location: JSONLocation, direction: Direction, what: String
    ) {
        let bounds: [(keyword: String, lower: Bool)] = [
            ("minimum", true), ("exclusiveMinimum", true), ("minLength", true), ("minItems", true),
            ("minProperties", true),
            ("maximum", false), ("exclusiveMaximum", false), ("maxLength", false), ("maxItems", false),
            ("maxProperties", false),
        ]
        for (keyword, lower) in bounds {
            let oldBound = oldSchema[keyword]?.doubleValue
            let newBound = newSchema[keyword]?.doubleValue
            let tightened: Bool
            switch (oldBound, newBound) {
            case (nil, nil): continue
            case (nil, _?): tightened = true
            case (_?, nil): tightened = false
            case (let a?, let b?):
                if a == b { continue }
                tightened = lower ? b > a : b < a
            }
            let text =
                "\(oldSchema[keyword].map(JSONWriter.compact) ?? "none") → \(newSchema[keyword].map(JSONWriter.compact) ?? "none")"
            record(
                breaks(widened: !tightened, direction), tightened ? .constraintTightened : .constraintLoosened,
                at: newBound == nil ? location : location.appending(keyword),
                "\(what): \(keyword) \(tightened ? "tightened" : "loosened") (\(text))")
        }
        for keyword in ["pattern", "format"] {
            let oldText = oldSchema[keyword]?.stringValue
            let newText = newSchema[keyword]?.stringValue
            guard oldText != newText else { continue }
            let shown = "\(oldText.map { "\"\($0)\"" } ?? "none") → \(newText.map { "\"\($0)\"" } ?? "none")"
            if oldText == nil {
                record(
                    breaks(widened: false, direction), .constraintTightened, at: location.appending(keyword),
                    "\(what): \(keyword) added (\(shown))")
            } else if newText == nil {
                record(
                    breaks(widened: true, direction), .constraintLoosened, at: location,
                    "\(what): \(keyword) removed (\(shown))")
            } else {
                record(
                    .breaking, .constraintTightened, at: location.appending(keyword),
                    "\(what): \(keyword) changed (\(shown))")
            }
        }
        let oldClosed = oldSchema["additionalProperties"]?.boolValue == false
        let newClosed = newSchema["additionalProperties"]?.boolValue == false
        if oldClosed != newClosed {
            record(
                breaks(widened: oldClosed, direction), oldClosed ? .constraintLoosened : .constraintTightened,
                at: location, "\(what): additional properties \(newClosed ? "no longer" : "now") allowed")
        }
    }

    private mutating func compareProperties(
        _ oldSchema: JSONObject, _ newSchema: JSONObject, old oldLocation: JSONLocation, new newLocation: JSONLocation,
        direction: Direction, context: String, path: String
    ) {
        let oldProperties = oldSchema["properties"]?.objectValue ?? JSONObject()
        let newProperties = newSchema["properties"]?.objectValue ?? JSONObject()
        let oldRequired = Set(oldSchema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let newRequired = Set(newSchema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let closed = newSchema["additionalProperties"]?.boolValue == false
        func name(_ property: String) -> String { context + " " + (path.isEmpty ? property : path + "." + property) }

        for (property, _) in newProperties where oldProperties[property] == nil {
            let at = newLocation.appending("properties").appending(property)
            if direction == .request && newRequired.contains(property) {
                record(.breaking, .newRequiredProperty, at: at, "\(name(property)): new required property")
            } else {
                record(.nonBreaking, .propertyAdded, at: at, "\(name(property)): property added")
            }
        }
        for (property, _) in oldProperties where newProperties[property] == nil {
            let breaking = direction == .response || closed
            record(
                breaking ? .breaking : .nonBreaking, .propertyRemoved,
                at: oldLocation.appending("properties").appending(property), "\(name(property)): property removed")
        }
        for property in newRequired.subtracting(oldRequired).sorted()
        where newProperties[property] == nil || oldProperties[property] != nil {
            record(
                breaks(widened: false, direction), .propertyBecameRequired, at: newLocation.appending("required"),
                "\(name(property)): became required")
        }
        for property in oldRequired.subtracting(newRequired).sorted()
        where newProperties[property] != nil || oldProperties[property] == nil {
            record(
                breaks(widened: true, direction), .propertyBecameOptional,
                at: newLocation.appending("properties").appending(property),
                "\(name(property)): became optional")
        }
        for (property, _) in newProperties where oldProperties[property] != nil {
            walk(
                old: oldLocation.appending("properties").appending(property),
                new: newLocation.appending("properties").appending(property),
                direction: direction, context: context, path: path.isEmpty ? property : path + "." + property)
        }
    }

    // MARK: Helpers

    /// Widening breaks responses; narrowing breaks requests.
    private func breaks(widened: Bool, _ direction: Direction) -> ChangeSeverity {
        (direction == .response) == widened ? .breaking : .nonBreaking
    }

    /// Records a change at `location` (in NEW, or in OLD for something removed).
    private mutating func record(
        _ severity: ChangeSeverity, _ kind: SpecChange.Kind, at location: JSONLocation, _ message: String
    ) {
        changes.append(
            SpecChange(
                severity: severity, kind: kind, operation: subject.operation, operationName: subject.operationName,
                location: location, message: message))
    }

    /// A schema as an object: `true` (and anything absent) is `{}`, `false` is `{"not": {}}`.
    static func object(_ value: JSONValue?) -> JSONObject {
        switch value {
        case .object(let object)?: return object
        case .bool(false)?: return JSONObject([("not", .object(JSONObject()))])
        default: return JSONObject()
        }
    }

    /// The schema's types with "null" for nullable ones; nil when `type` is absent (any type).
    static func types(_ schema: JSONObject, dialect: SpecSchemaDialect) -> Set<String>? {
        var types: Set<String>
        switch schema["type"] {
        case .string(let name)?: types = [name]
        case .array(let names)?: types = Set(names.compactMap(\.stringValue))
        default: return nil
        }
        if dialect == .openAPI30 && schema["nullable"]?.boolValue == true { types.insert("null") }
        return types
    }

    /// `enum` values, or `const` as a single value; nil when neither is present.
    static func enumeration(_ schema: JSONObject) -> [JSONValue]? {
        if let values = schema["enum"]?.arrayValue { return values }
        if let value = schema["const"] { return [value] }
        return nil
    }

    /// Whether a type set accepts every instance of `type` (integers are numbers).
    static func covers(_ types: Set<String>, _ type: String) -> Bool {
        types.contains(type) || (type == "integer" && types.contains("number"))
    }

    static func describe(_ types: Set<String>) -> String {
        types.isEmpty ? "null" : types.sorted().joined(separator: "|")
    }
}
