import SpecGateJSON
import SpecGateRegex

/// Keyword compilation: turns one schema object into checks.
extension SchemaCompiler {
    struct CompiledKeywords {
        var checks: [Check]
        var collectsAnnotations: Bool
    }

    mutating func compileObject(_ o: JSONObject, at location: JSONLocation, base: String, vocabulary: Vocabulary)
        throws(SchemaCompileError) -> CompiledKeywords
    {
        let dialect = options.dialect
        if dialect != .draft2020_12, let reference = o["$ref"] {
            // OpenAPI 3.0 and draft 4: `$ref` siblings are ignored.
            return CompiledKeywords(
                checks: [.ref(try referenceEdge(reference, keyword: "$ref", at: location, base: base, bare: true))],
                collectsAnnotations: false)
        }
        var checks: [Check] = []
        if vocabulary.contains(.validation) {
            checks += try validationChecks(o, at: location)
        }
        if vocabulary.contains(.format), options.assertFormats, let format = o["format"] {
            guard case .string(let name) = format else { throw invalid(location, "format", "must be a string") }
            if let kind = FormatChecker.Kind(rawValue: name) { checks.append(.format(kind, name: name)) }
        }
        if vocabulary.contains(.applicator) {
            checks += try applicatorChecks(o, at: location, base: base, validation: vocabulary.contains(.validation))
        }
        if dialect == .draft2020_12, let reference = o["$ref"] {
            let bare = !o.keys.contains(where: { SchemaCompiler.assertingKeywords.contains($0) })
            checks.append(.ref(try referenceEdge(reference, keyword: "$ref", at: location, base: base, bare: bare)))
        }
        if dialect == .draft2020_12, let reference = o["$dynamicRef"] {
            checks.append(try dynamicReference(reference, at: location, base: base))
        }
        var collects = false
        if dialect == .draft2020_12, vocabulary.contains(.unevaluated) {
            if o["unevaluatedProperties"] != nil {
                checks.append(.unevaluatedProperties(try edge(location, "unevaluatedProperties")))
                collects = true
            }
            if o["unevaluatedItems"] != nil {
                checks.append(.unevaluatedItems(try edge(location, "unevaluatedItems")))
                collects = true
            }
        }
        return CompiledKeywords(checks: checks, collectsAnnotations: collects)
    }

    // MARK: validation vocabulary

    private func validationChecks(_ o: JSONObject, at location: JSONLocation) throws(SchemaCompileError) -> [Check] {
        let dialect = options.dialect
        var checks: [Check] = []
        var nullable = false
        if dialect == .openAPI30, let value = o["nullable"] {
            guard case .bool(let b) = value else { throw invalid(location, "nullable", "must be a boolean") }
            nullable = b
        }
        if let value = o["type"] {
            checks.append(.type(try typeSet(value, at: location.appending("type")), nullable: nullable))
        }
        if let value = o["enum"] {
            guard case .array(let values) = value else { throw invalid(location, "enum", "must be an array") }
            checks.append(
                .enumeration(
                    values: values, lookup: values.count > 8 ? Set(values.map(StrictEquality.key)) : nil,
                    allowsNull: nullable))
        }
        if dialect == .draft2020_12, let value = o["const"] { checks.append(.constant(value)) }
        for (bound, exclusiveKeyword, isMinimum) in [
            ("minimum", "exclusiveMinimum", true), ("maximum", "exclusiveMaximum", false),
        ] {
            if dialect == .draft2020_12 {
                if let value = o[bound] {
                    let n = try number(value, at: location, bound)
                    checks.append(
                        isMinimum
                            ? .minimum(n, exclusive: false, keyword: bound)
                            : .maximum(n, exclusive: false, keyword: bound))
                }
                if let value = o[exclusiveKeyword] {
                    let n = try number(value, at: location, exclusiveKeyword)
                    checks.append(
                        isMinimum
                            ? .minimum(n, exclusive: true, keyword: exclusiveKeyword)
                            : .maximum(n, exclusive: true, keyword: exclusiveKeyword))
                }
            } else {
                var exclusive = false
                if let flag = o[exclusiveKeyword] {
                    guard case .bool(let b) = flag else {
                        throw invalid(location, exclusiveKeyword, "must be a boolean")
                    }
                    exclusive = b
                }
                if let value = o[bound] {
                    let n = try number(value, at: location, bound)
                    checks.append(
                        isMinimum
                            ? .minimum(n, exclusive: exclusive, keyword: bound)
                            : .maximum(n, exclusive: exclusive, keyword: bound))
                }
            }
        }
        if let value = o["multipleOf"] {
            let n = try number(value, at: location, "multipleOf")
            guard !n.negative, !n.isZero else { throw invalid(location, "multipleOf", "must be greater than 0") }
            checks.append(.multipleOf(n))
        }
        if let value = o["minLength"] { checks.append(.minLength(try count(value, at: location, "minLength"))) }
        if let value = o["maxLength"] { checks.append(.maxLength(try count(value, at: location, "maxLength"))) }
        if let value = o["pattern"] {
            guard case .string(let source) = value else { throw invalid(location, "pattern", "must be a string") }
            checks.append(.pattern(source: source, matcher: SchemaCompiler.matcher(source)))
        }
        if let value = o["minItems"] { checks.append(.minItems(try count(value, at: location, "minItems"))) }
        if let value = o["maxItems"] { checks.append(.maxItems(try count(value, at: location, "maxItems"))) }
        if let value = o["uniqueItems"] {
            guard case .bool(let unique) = value else { throw invalid(location, "uniqueItems", "must be a boolean") }
            if unique { checks.append(.uniqueItems) }
        }
        if let value = o["minProperties"] {
            checks.append(.minProperties(try count(value, at: location, "minProperties")))
        }
        if let value = o["maxProperties"] {
            checks.append(.maxProperties(try count(value, at: location, "maxProperties")))
        }
        if let value = o["required"] {
            let names = try strings(value, at: location, "required")
            let applicable = names.filter { requiredApplies($0, in: o, at: location) }
            if !applicable.isEmpty { checks.append(.required(applicable)) }
        }
        if dialect == .draft2020_12, let value = o["dependentRequired"] {
            guard case .object(let map) = value else {
                throw invalid(location, "dependentRequired", "must be an object")
            }
            var entries: [DependentRequirement] = []
            for (property, list) in map {
                entries.append(
                    DependentRequirement(
                        property: property,
                        required: try strings(list, at: location.appending("dependentRequired"), property)))
            }
            checks.append(.dependentRequired(entries, keyword: "dependentRequired"))
        }
        if dialect == .draft4, case .object(let map) = o["dependencies"] {
            var entries: [DependentRequirement] = []
            for (property, list) in map where list.arrayValue != nil {
                entries.append(
                    DependentRequirement(
                        property: property,
                        required: try strings(list, at: location.appending("dependencies"), property)))
            }
            if !entries.isEmpty { checks.append(.dependentRequired(entries, keyword: "dependencies")) }
        }
        return checks
    }

    /// Whether `name` stays required given `readOnly`/`writeOnly` and the validation direction.
    private func requiredApplies(_ name: String, in o: JSONObject, at location: JSONLocation) -> Bool {
        guard options.direction != .neutral, options.dialect != .draft4, var current = o["properties"]?[name] else {
            return true
        }
        let flag = options.direction == .request ? "readOnly" : "writeOnly"
        var currentLocation = location.appending("properties").appending(name)
        for _ in 0..<16 {
            if current[flag] == .bool(true) { return false }
            guard case .string(let reference) = current["$ref"] else { break }
            let full = URIReference.resolve(reference, against: index.baseURI(of: currentLocation))
            let document = URIReference.stripFragment(full)
            guard
                let root = index.resources[document]
                    ?? (documents[document] != nil ? JSONLocation(document: document) : nil),
                let pointer = JSONPointer("#" + (URIReference.fragment(of: full) ?? ""))
            else { break }
            currentLocation = JSONLocation(document: root.document, pointer: root.pointer.appending(pointer))
            guard let next = documents.value(at: currentLocation) else { break }
            current = next
        }
        return true
    }

    // MARK: applicator vocabulary

    private mutating func applicatorChecks(_ o: JSONObject, at location: JSONLocation, base: String, validation: Bool)
        throws(SchemaCompileError) -> [Check]
    {
        let dialect = options.dialect
        var checks: [Check] = []
        // Objects.
        var properties: [String: Edge] = [:]
        if let value = o["properties"] {
            guard case .object(let map) = value else { throw invalid(location, "properties", "must be an object") }
            for (name, _) in map { properties[name] = try edge(location, "properties", name) }
        }
        var patterns: [PatternEdge] = []
        if let value = o["patternProperties"] {
            guard case .object(let map) = value else {
                throw invalid(location, "patternProperties", "must be an object")
            }
            for (source, _) in map {
                patterns.append(
                    PatternEdge(
                        source: source, matcher: SchemaCompiler.matcher(source),
                        edge: try edge(location, "patternProperties", source)))
            }
        }
        let additional = o["additionalProperties"] != nil ? try edge(location, "additionalProperties") : nil
        if !properties.isEmpty || !patterns.isEmpty || additional != nil {
            checks.append(.object(ObjectApplicator(properties: properties, patterns: patterns, additional: additional)))
        }
        // Arrays.
        var prefix: [Edge] = []
        var rest: Edge?
        var restKeyword = "items"
        if dialect == .draft2020_12 {
            if let value = o["prefixItems"] {
                guard case .array(let items) = value else { throw invalid(location, "prefixItems", "must be an array") }
                for i in items.indices { prefix.append(try edge(location, "prefixItems", String(i))) }
            }
            if o["items"] != nil { rest = try edge(location, "items") }
        } else if let value = o["items"] {
            if case .array(let items) = value {
                for i in items.indices { prefix.append(try edge(location, "items", String(i))) }
                if o["additionalItems"] != nil {
                    rest = try edge(location, "additionalItems")
                    restKeyword = "additionalItems"
                }
            } else {
                rest = try edge(location, "items")
            }
        }
        if !prefix.isEmpty || rest != nil {
            checks.append(.array(ArrayApplicator(prefix: prefix, rest: rest, restKeyword: restKeyword)))
        }
        if dialect == .draft2020_12, o["contains"] != nil {
            var minimum = 1
            var maximum: Int?
            var minKeyword = "contains"
            if validation, let value = o["minContains"] {
                minimum = try count(value, at: location, "minContains")
                minKeyword = "minContains"
            }
            if validation, let value = o["maxContains"] { maximum = try count(value, at: location, "maxContains") }
            checks.append(.contains(try edge(location, "contains"), min: minimum, max: maximum, minKeyword: minKeyword))
        }
        if dialect == .draft2020_12, o["propertyNames"] != nil {
            checks.append(.propertyNames(try edge(location, "propertyNames")))
        }
        let dependentKeyword =
            dialect == .draft2020_12 ? "dependentSchemas" : (dialect == .draft4 ? "dependencies" : nil)
        if let dependentKeyword, let value = o[dependentKeyword] {
            guard case .object(let map) = value else { throw invalid(location, dependentKeyword, "must be an object") }
            var entries: [DependentSchema] = []
            for (property, schema) in map where schema.arrayValue == nil {
                entries.append(
                    DependentSchema(property: property, edge: try edge(location, dependentKeyword, property)))
            }
            if !entries.isEmpty { checks.append(.dependentSchemas(entries)) }
        }
        // Combinators.
        let discriminator = try discriminatorCheck(o, at: location, base: base)
        if let discriminator { checks.append(.discriminator(discriminator)) }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            guard let value = o[keyword] else { continue }
            guard case .array(let branches) = value, !branches.isEmpty else {
                throw invalid(location, keyword, "must be a non-empty array of schemas")
            }
            if discriminator?.selectsBranch == true && keyword != "allOf" { continue }
            var edges: [Edge] = []
            for i in branches.indices { edges.append(try edge(location, keyword, String(i))) }
            switch keyword {
            case "allOf": checks.append(.allOf(edges))
            case "anyOf": checks.append(.anyOf(edges))
            default: checks.append(.oneOf(edges))
            }
        }
        if o["not"] != nil { checks.append(.not(try edge(location, "not"))) }
        if dialect == .draft2020_12, o["if"] != nil {
            let then = o["then"] != nil ? try edge(location, "then") : nil
            let otherwise = o["else"] != nil ? try edge(location, "else") : nil
            // Kept even without then/else: a passing `if` still contributes annotations.
            checks.append(.conditional(condition: try edge(location, "if"), then: then, otherwise: otherwise))
        }
        return checks
    }

    /// OpenAPI `discriminator`: explicit `mapping` plus implicit schema names of `$ref` branches.
    private mutating func discriminatorCheck(_ o: JSONObject, at location: JSONLocation, base: String)
        throws(SchemaCompileError) -> DiscriminatorCheck?
    {
        guard options.dialect != .draft4, let value = o["discriminator"] else { return nil }
        guard case .object(let d) = value, case .string(let propertyName) = d["propertyName"] else {
            throw invalid(location, "discriminator", "must be an object with a string propertyName")
        }
        var choices: [String: Edge] = [:]
        var byTarget: [JSONLocation: Edge] = [:]
        let branchKeyword = o["oneOf"] != nil ? "oneOf" : (o["anyOf"] != nil ? "anyOf" : nil)
        if let branchKeyword, case .array(let branches) = o[branchKeyword] {
            for (i, branch) in branches.enumerated() {
                guard case .string(let reference) = branch["$ref"] else { continue }
                let branchLocation = location.appending(branchKeyword).appending(i)
                let target = try resolve(reference, base: base, at: branchLocation.appending("$ref"))
                let branchEdge = try edge(location, branchKeyword, String(i))
                byTarget[target] = branchEdge
                if let name = target.pointer.last { choices[name] = branchEdge }
            }
        }
        if let mapping = d["mapping"] {
            guard case .object(let map) = mapping else {
                throw invalid(location, "discriminator", "mapping must be an object")
            }
            let mappingLocation = location.appending("discriminator").appending("mapping")
            for (discriminatorValue, target) in map {
                guard case .string(let reference) = target else {
                    throw invalid(mappingLocation, discriminatorValue, "must be a string")
                }
                let full =
                    reference.contains("/") || reference.contains("#") ? reference : "#/components/schemas/" + reference
                let targetLocation = try resolve(full, base: base, at: mappingLocation.appending(discriminatorValue))
                if let branchEdge = byTarget[targetLocation] {
                    choices[discriminatorValue] = branchEdge
                } else {
                    choices[discriminatorValue] = Edge(
                        node: try node(at: targetLocation), path: ["discriminator", "mapping", discriminatorValue])
                }
            }
        }
        return DiscriminatorCheck(
            propertyName: propertyName, choices: choices, selectsBranch: branchKeyword != nil && !choices.isEmpty)
    }

    // MARK: references

    mutating func referenceEdge(
        _ value: JSONValue, keyword: String, at location: JSONLocation, base: String, bare: Bool
    )
        throws(SchemaCompileError) -> Edge
    {
        guard case .string(let reference) = value else { throw invalid(location, keyword, "must be a string") }
        let target = try resolve(reference, base: base, at: location.appending(keyword))
        if bare { try checkReferenceCycle(from: location, to: target) }
        return Edge(node: try node(at: target), path: [keyword])
    }

    private mutating func dynamicReference(_ value: JSONValue, at location: JSONLocation, base: String)
        throws(SchemaCompileError) -> Check
    {
        guard case .string(let reference) = value else { throw invalid(location, "$dynamicRef", "must be a string") }
        let target = try resolve(reference, base: base, at: location.appending("$dynamicRef"))
        let targetEdge = Edge(node: try node(at: target), path: ["$dynamicRef"])
        let fragment = URIReference.fragment(of: reference) ?? ""
        if !fragment.isEmpty, !fragment.hasPrefix("/"),
            documents.value(at: target)?["$dynamicAnchor"] == .string(fragment)
        {
            return .dynamicRef(targetEdge, anchor: fragment)
        }
        return .ref(targetEdge)
    }

    // MARK: helpers

    mutating func edge(_ location: JSONLocation, _ path: String...) throws(SchemaCompileError) -> Edge {
        var target = location
        for token in path { target = target.appending(token) }
        return Edge(node: try node(at: target), path: path)
    }

    static func matcher(_ source: String) -> PatternMatcher {
        do {
            return .regex(try ECMARegex(source))
        } catch {
            return .invalid(error.message)
        }
    }

    func invalid(_ location: JSONLocation, _ keyword: String, _ message: String) -> SchemaCompileError {
        SchemaCompileError(location: location.appending(keyword), message: "\(keyword) \(message)")
    }

    private func typeSet(_ value: JSONValue, at location: JSONLocation) throws(SchemaCompileError) -> TypeSet {
        func single(_ name: String) -> TypeSet? { TypeSet.names.first { $0.0 == name }?.1 }
        switch value {
        case .string(let name):
            if let t = single(name) { return t }
        case .array(let names):
            var set: TypeSet = []
            var known = true
            for name in names {
                if let text = name.stringValue, let t = single(text) { set.insert(t) } else { known = false }
            }
            if known { return set }
        default:
            break
        }
        throw SchemaCompileError(
            location: location, message: "type \(value) is not a JSON Schema type or list of types")
    }

    private func number(_ value: JSONValue, at location: JSONLocation, _ keyword: String) throws(SchemaCompileError)
        -> JSONNumber
    {
        guard case .number(let n) = value else { throw invalid(location, keyword, "must be a number, found \(value)") }
        return n
    }

    private func count(_ value: JSONValue, at location: JSONLocation, _ keyword: String) throws(SchemaCompileError)
        -> Int
    {
        guard case .number(let n) = value, n.isInteger, !n.negative else {
            throw invalid(location, keyword, "must be a non-negative integer, found \(value)")
        }
        return n.intValue ?? Int.max
    }

    private func strings(_ value: JSONValue, at location: JSONLocation, _ keyword: String) throws(SchemaCompileError)
        -> [String]
    {
        guard case .array(let items) = value else { throw invalid(location, keyword, "must be an array of strings") }
        var result: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw invalid(location, keyword, "must be an array of strings") }
            result.append(s)
        }
        return result
    }
}
