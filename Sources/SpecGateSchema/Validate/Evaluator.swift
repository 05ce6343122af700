import SpecGateJSON

/// Walks compiled nodes over an instance. In recording mode every violation is collected with
/// lazily built locations; otherwise evaluation stops at the first failure and builds nothing.
struct Evaluator {
    /// Nesting bound for schema evaluation, so a schema that recurses without consuming the instance
    /// reports a violation instead of exhausting the stack.
    static let maxDepth = 1_000

    let arena: NodeArena
    let regexStepBudget: Int
    let usesDynamicScope: Bool
    var recording: Bool
    var violations: [SchemaViolation] = []
    var instancePath: [PathToken] = []
    var keywordPath: [String] = []
    var dynamicScope: [Int] = []
    var depth = 0

    init(schema: CompiledSchema, recording: Bool) {
        arena = schema.arena
        regexStepBudget = schema.regexStepBudget
        usesDynamicScope = schema.usesDynamicScope
        self.recording = recording
    }

    // MARK: traversal

    mutating func evaluate(_ index: Int, _ instance: JSONValue, collect: Bool, _ annotations: inout Annotations) -> Bool
    {
        let node = arena[index]
        if let constant = node.constant {
            if !constant { report(node, nil, "no value is allowed here (the schema is false)") }
            return constant
        }
        depth += 1
        defer { depth -= 1 }
        if depth > Evaluator.maxDepth {
            report(node, nil, "schema evaluation nested deeper than \(Evaluator.maxDepth) levels (recursive schema)")
            return false
        }
        var pushed = false
        if usesDynamicScope, dynamicScope.last != node.resource {
            dynamicScope.append(node.resource)
            pushed = true
        }
        defer { if pushed { dynamicScope.removeLast() } }
        let collectHere = collect || node.collectsAnnotations
        var local = Annotations()
        var valid = true
        for check in node.checks where !apply(check, node, instance, collectHere, &local) {
            valid = false
            if !recording { break }
        }
        if valid && collect { annotations.merge(local) }
        return valid
    }

    /// Evaluates a subschema on the same instance.
    private mutating func inPlace(
        _ edge: Edge, _ instance: JSONValue, _ collect: Bool, _ annotations: inout Annotations
    )
        -> Bool
    {
        let record = recording
        if record { keywordPath.append(contentsOf: edge.path) }
        defer { if record { keywordPath.removeLast(edge.path.count) } }
        return evaluate(edge.node, instance, collect: collect, &annotations)
    }

    /// Evaluates a subschema on a member or element of the instance.
    private mutating func child(_ edge: Edge, _ token: PathToken, _ value: JSONValue) -> Bool {
        let record = recording
        if record {
            keywordPath.append(contentsOf: edge.path)
            instancePath.append(token)
        }
        defer {
            if record {
                keywordPath.removeLast(edge.path.count)
                instancePath.removeLast()
            }
        }
        var fresh = Annotations()
        return evaluate(edge.node, value, collect: false, &fresh)
    }

    /// Evaluates without recording (a yes/no question such as `not`, `if`, `contains`).
    private mutating func probe(_ edge: Edge, _ instance: JSONValue, _ collect: Bool, _ annotations: inout Annotations)
        -> Bool
    {
        let saved = recording
        recording = false
        defer { recording = saved }
        return evaluate(edge.node, instance, collect: collect, &annotations)
    }

    /// The violations a failing branch produces, removed from the main list (recording mode only).
    private mutating func branchViolations(_ edge: Edge, _ instance: JSONValue) -> [SchemaViolation] {
        let mark = violations.count
        var scratch = Annotations()
        _ = inPlace(edge, instance, false, &scratch)
        let produced = Array(violations[mark...])
        violations.removeSubrange(mark...)
        return produced
    }

    /// Compact per-branch summary: "[0] /a: …; /b: … (+3 more) | [1] …".
    private mutating func summary(_ edges: [Edge], _ instance: JSONValue, only: [Int]? = nil) -> String {
        var parts: [String] = []
        for (i, edge) in edges.enumerated() where only?.contains(i) ?? true {
            let produced = branchViolations(edge, instance)
            var text = "[\(i)] " + produced.prefix(2).map { Evaluator.clip($0.description) }.joined(separator: "; ")
            if produced.count > 2 { text += " (+\(produced.count - 2) more)" }
            parts.append(text)
        }
        return parts.joined(separator: " | ")
    }

    private static func clip(_ text: String, limit: Int = 160) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    private mutating func report(_ node: SchemaNode, _ keyword: String?, _ message: @autoclosure () -> String) {
        guard recording else { return }
        var keywordTokens = keywordPath
        if let keyword { keywordTokens.append(keyword) }
        violations.append(
            SchemaViolation(
                instanceLocation: JSONPointer(tokens: instancePath.map(\.text)),
                keywordLocation: JSONPointer(tokens: keywordTokens),
                schemaLocation: keyword.map { node.location.appending($0) } ?? node.location,
                keyword: keyword ?? "false",
                message: message()))
    }

    private func isFalse(_ edge: Edge) -> Bool { arena[edge.node].constant == false }

    // MARK: keywords

    /// Applies one keyword. Each applicator that recurses into subschemas has its own function and
    /// the plain assertions share `applyAssertion`, so the frames on the recursion path stay small
    /// (debug builds give a function one stack slot per local of every `case`; with everything in
    /// one function a recursive schema overflowed the stack long before `maxDepth`).
    private mutating func apply(
        _ check: Check, _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool, _ annotations: inout Annotations
    ) -> Bool {
        switch check {
        case .type, .enumeration, .constant, .minimum, .maximum, .multipleOf, .minLength, .maxLength, .pattern, .format,
            .minItems, .maxItems, .uniqueItems, .minProperties, .maxProperties, .required, .dependentRequired:
            return applyAssertion(check, node, instance)
        case .object(let applicator):
            guard case .object(let o) = instance else { return true }
            return applyObject(applicator, node, o, collect, &annotations)
        case .array(let applicator):
            guard case .array(let a) = instance else { return true }
            return applyArray(applicator, node, a, collect, &annotations)
        case .contains(let edge, let minimum, let maximum, let minKeyword):
            return applyContains(edge, minimum, maximum, minKeyword, node, instance, collect, &annotations)
        case .propertyNames(let edge):
            return applyPropertyNames(edge, node, instance, collect, &annotations)
        case .dependentSchemas(let entries):
            return applyDependentSchemas(entries, node, instance, collect, &annotations)
        case .allOf(let edges):
            return applyAllOf(edges, node, instance, collect, &annotations)
        case .anyOf(let edges):
            return applyAnyOf(edges, node, instance, collect, &annotations)
        case .oneOf(let edges):
            return applyOneOf(edges, node, instance, collect, &annotations)
        case .not(let edge):
            return applyNot(edge, node, instance, collect, &annotations)
        case .conditional(let condition, let then, let otherwise):
            return applyConditional(condition, then, otherwise, node, instance, collect, &annotations)
        case .ref(let edge):
            return inPlace(edge, instance, collect, &annotations)
        case .dynamicRef(let edge, let anchor):
            return applyDynamicRef(edge, anchor, node, instance, collect, &annotations)
        case .discriminator(let discriminator):
            return applyDiscriminator(discriminator, node, instance, collect, &annotations)
        case .unevaluatedProperties(let edge):
            return applyUnevaluatedProperties(edge, node, instance, collect, &annotations)
        case .unevaluatedItems(let edge):
            return applyUnevaluatedItems(edge, node, instance, collect, &annotations)
        }
    }

    /// Keywords that check the instance itself without evaluating subschemas.
    private mutating func applyAssertion(_ check: Check, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        switch check {
        case .type(let types, let nullable):
            if types.admits(instance) || (nullable && instance == .null) { return true }
            report(
                node, "type",
                "expected \(types.listing)\(nullable ? " or null" : ""), got \(Evaluator.describe(instance))")
            return false

        case .enumeration(let values, let lookup, let allowsNull):
            if allowsNull && instance == .null { return true }
            if let lookup {
                if lookup.contains(StrictEquality.key(instance)) { return true }
            } else if values.contains(where: { StrictEquality.equal($0, instance) }) {
                return true
            }
            report(node, "enum", "\(ValueFormatter.render(instance)) is not one of \(ValueFormatter.list(values))")
            return false

        case .constant(let expected):
            if StrictEquality.equal(instance, expected) { return true }
            report(
                node, "const",
                "\(ValueFormatter.render(instance)) is not equal to the constant \(ValueFormatter.render(expected))")
            return false

        case .minimum(let bound, let exclusive, let keyword):
            guard case .number(let n) = instance else { return true }
            let order = n.compare(bound)
            if exclusive ? order > 0 : order >= 0 { return true }
            report(
                node, keyword,
                exclusive
                    ? "\(n) is not greater than the exclusive minimum \(bound)"
                    : "\(n) is less than the minimum \(bound)")
            return false

        case .maximum(let bound, let exclusive, let keyword):
            guard case .number(let n) = instance else { return true }
            let order = n.compare(bound)
            if exclusive ? order < 0 : order <= 0 { return true }
            report(
                node, keyword,
                exclusive
                    ? "\(n) is not less than the exclusive maximum \(bound)"
                    : "\(n) is greater than the maximum \(bound)")
            return false

        case .multipleOf(let divisor):
            guard case .number(let n) = instance, !n.isMultiple(of: divisor) else { return true }
            report(node, "multipleOf", "\(n) is not a multiple of \(divisor)")
            return false

        case .minLength(let limit):
            guard case .string(let s) = instance else { return true }
            let length = s.unicodeScalars.count
            if length >= limit { return true }
            report(
                node, "minLength",
                "\(ValueFormatter.render(instance)) is shorter than \(ValueFormatter.plural(limit, "character")) (length \(length))"
            )
            return false

        case .maxLength(let limit):
            guard case .string(let s) = instance else { return true }
            let length = s.unicodeScalars.count
            if length <= limit { return true }
            report(
                node, "maxLength",
                "\(ValueFormatter.render(instance)) is longer than \(ValueFormatter.plural(limit, "character")) (length \(length))"
            )
            return false

        case .pattern(let source, let matcher):
            guard case .string(let s) = instance else { return true }
            return checkPattern(node, "pattern", source, matcher, s, subject: ValueFormatter.render(instance))

        case .format(let kind, let name):
            if FormatChecker.check(kind, instance) { return true }
            report(node, "format", "\(ValueFormatter.render(instance)) is not a valid \(name)")
            return false

        case .minItems(let limit):
            guard case .array(let a) = instance, a.count < limit else { return true }
            report(
                node, "minItems",
                "array has \(ValueFormatter.plural(a.count, "item")), fewer than the minimum of \(limit)")
            return false

        case .maxItems(let limit):
            guard case .array(let a) = instance, a.count > limit else { return true }
            report(
                node, "maxItems",
                "array has \(ValueFormatter.plural(a.count, "item")), more than the maximum of \(limit)")
            return false

        case .uniqueItems:
            guard case .array(let a) = instance, a.count > 1 else { return true }
            var seen: [[UInt8]: Int] = [:]
            for (i, item) in a.enumerated() {
                let key = StrictEquality.key(item)
                if let first = seen[key] {
                    report(node, "uniqueItems", "items \(first) and \(i) are equal; items must be unique")
                    return false
                }
                seen[key] = i
            }
            return true

        case .minProperties(let limit):
            guard case .object(let o) = instance, o.count < limit else { return true }
            report(
                node, "minProperties",
                "object has \(ValueFormatter.plural(o.count, "property")), fewer than the minimum of \(limit)")
            return false

        case .maxProperties(let limit):
            guard case .object(let o) = instance, o.count > limit else { return true }
            report(
                node, "maxProperties",
                "object has \(ValueFormatter.plural(o.count, "property")), more than the maximum of \(limit)")
            return false

        case .required(let names):
            guard case .object(let o) = instance else { return true }
            var valid = true
            for name in names where o[name] == nil {
                report(node, "required", "missing required property \(JSONWriter.quote(name))")
                valid = false
                if !recording { return false }
            }
            return valid

        case .dependentRequired(let entries, let keyword):
            guard case .object(let o) = instance else { return true }
            var valid = true
            for entry in entries where o[entry.property] != nil {
                for name in entry.required where o[name] == nil {
                    report(
                        node, keyword,
                        "property \(JSONWriter.quote(name)) is required when \(JSONWriter.quote(entry.property)) is present"
                    )
                    valid = false
                    if !recording { return false }
                }
            }
            return valid
        default:
            // Applicators are handled by `apply`.
            return true
        }
    }

    private mutating func applyContains(
        _ edge: Edge, _ minimum: Int, _ maximum: Int?, _ minKeyword: String, _ node: SchemaNode, _ instance: JSONValue,
        _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        guard case .array(let a) = instance else { return true }
        var matches = 0
        for (i, item) in a.enumerated() {
            var scratch = Annotations()
            if probe(edge, item, false, &scratch) {
                matches += 1
                if collect { annotations.containsIndices.insert(i) }
                if !collect, maximum == nil, matches >= minimum { return true }
            }
        }
        if matches < minimum {
            report(
                node, minKeyword,
                minKeyword == "contains"
                    ? "no array item matches the contains schema"
                    : "\(ValueFormatter.plural(matches, "item")) match contains, fewer than minContains \(minimum)")
            return false
        }
        if let maximum, matches > maximum {
            report(
                node, "maxContains",
                "\(ValueFormatter.plural(matches, "item")) match contains, more than maxContains \(maximum)")
            return false
        }
        return true
    }

    private mutating func applyPropertyNames(
        _ edge: Edge, _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        guard case .object(let o) = instance else { return true }
        var valid = true
        for key in o.keys {
            var scratch = Annotations()
            if probe(edge, .string(key), false, &scratch) { continue }
            valid = false
            guard recording else { return false }
            let reasons = branchViolations(edge, .string(key)).prefix(2).map(\.message).joined(separator: "; ")
            report(node, "propertyNames", "property name \(JSONWriter.quote(key)) is invalid: \(reasons)")
        }
        return valid
    }

    private mutating func applyDependentSchemas(
        _ entries: [DependentSchema], _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        guard case .object(let o) = instance else { return true }
        var valid = true
        for entry in entries where o[entry.property] != nil && !inPlace(entry.edge, instance, collect, &annotations) {
            valid = false
            if !recording { return false }
        }
        return valid
    }

    private mutating func applyAllOf(
        _ edges: [Edge], _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var valid = true
        for edge in edges where !inPlace(edge, instance, collect, &annotations) {
            valid = false
            if !recording { return false }
        }
        return valid
    }

    private mutating func applyAnyOf(
        _ edges: [Edge], _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var matched = false
        for edge in edges {
            var branch = Annotations()
            if probe(edge, instance, collect, &branch) {
                matched = true
                guard collect else { break }
                annotations.merge(branch)
            }
        }
        if matched { return true }
        if recording {
            let details = summary(edges, instance)
            report(node, "anyOf", "matches none of the \(edges.count) branches of anyOf: \(details)")
        }
        return false
    }

    private mutating func applyOneOf(
        _ edges: [Edge], _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var matchedBranches: [Int] = []
        var first = Annotations()
        for (i, edge) in edges.enumerated() {
            var branch = Annotations()
            if probe(edge, instance, collect, &branch) {
                matchedBranches.append(i)
                if matchedBranches.count == 1 { first = branch }
                if matchedBranches.count > 1 && !recording { return false }
            }
        }
        if matchedBranches.count == 1 {
            if collect { annotations.merge(first) }
            return true
        }
        if matchedBranches.isEmpty {
            if recording {
                let details = summary(edges, instance)
                report(
                    node, "oneOf",
                    "matches none of the \(edges.count) branches of oneOf; exactly one must match: \(details)")
            }
        } else {
            let list = matchedBranches.map(String.init).joined(separator: ", ")
            report(
                node, "oneOf", "matches \(matchedBranches.count) branches (\(list)) of oneOf; exactly one must match")
        }
        return false
    }

    private mutating func applyNot(
        _ edge: Edge, _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var scratch = Annotations()
        if !probe(edge, instance, false, &scratch) { return true }
        report(node, "not", "\(ValueFormatter.render(instance)) must not match the schema in not")
        return false
    }

    private mutating func applyConditional(
        _ condition: Edge, _ then: Edge?, _ otherwise: Edge?, _ node: SchemaNode, _ instance: JSONValue,
        _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var conditionAnnotations = Annotations()
        if probe(condition, instance, collect, &conditionAnnotations) {
            if collect { annotations.merge(conditionAnnotations) }
            if let then { return inPlace(then, instance, collect, &annotations) }
        } else if let otherwise {
            return inPlace(otherwise, instance, collect, &annotations)
        }
        return true
    }

    private mutating func applyDynamicRef(
        _ edge: Edge, _ anchor: String, _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var target = edge.node
        for resource in dynamicScope {
            if let dynamic = arena.resources[resource].dynamicAnchors[anchor] {
                target = dynamic
                break
            }
        }
        return inPlace(Edge(node: target, path: edge.path), instance, collect, &annotations)
    }

    private mutating func applyDiscriminator(
        _ discriminator: DiscriminatorCheck, _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        guard case .object(let o) = instance else { return true }
        let name = JSONWriter.quote(discriminator.propertyName)
        guard let value = o[discriminator.propertyName] else {
            report(node, "discriminator", "missing discriminator property \(name)")
            return false
        }
        guard discriminator.selectsBranch else { return true }
        guard case .string(let key) = value, let edge = discriminator.choices[key] else {
            let known = discriminator.choices.keys.sorted().map { JSONValue.string($0) }
            report(
                node, "discriminator",
                "discriminator \(name) value \(ValueFormatter.render(value)) is not one of \(ValueFormatter.list(known))"
            )
            return false
        }
        return inPlace(edge, instance, collect, &annotations)
    }

    private mutating func applyUnevaluatedProperties(
        _ edge: Edge, _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        guard case .object(let o) = instance, !annotations.allProperties else { return true }
        var valid = true
        for (key, value) in o where !annotations.properties.contains(key) {
            if isFalse(edge) {
                report(
                    node, "unevaluatedProperties",
                    "property \(JSONWriter.quote(key)) is not allowed (unevaluatedProperties)")
                valid = false
            } else if !child(edge, .key(key), value) {
                valid = false
            }
            if !valid && !recording { return false }
        }
        annotations.allProperties = true
        return valid
    }

    private mutating func applyUnevaluatedItems(
        _ edge: Edge, _ node: SchemaNode, _ instance: JSONValue, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        guard case .array(let a) = instance, !annotations.allItems else { return true }
        var valid = true
        for i in annotations.prefixItems..<max(a.count, annotations.prefixItems)
        where !annotations.containsIndices.contains(i) {
            if isFalse(edge) {
                report(node, "unevaluatedItems", "item \(i) is not allowed (unevaluatedItems)")
                valid = false
            } else if !child(edge, .index(i), a[i]) {
                valid = false
            }
            if !valid && !recording { return false }
        }
        annotations.allItems = true
        return valid
    }
    private mutating func checkPattern(
        _ node: SchemaNode, _ keyword: String, _ source: String, _ matcher: PatternMatcher, _ text: String,
        subject: @autoclosure () -> String
    ) -> Bool {
        switch matcher {
        case .invalid(let why):
            report(node, keyword, "pattern \(JSONWriter.quote(source)) is not a valid regular expression: \(why)")
            return false
        case .regex(let regex):
            switch regex.search(in: text, stepBudget: regexStepBudget) {
            case .matched:
                return true
            case .notMatched:
                report(node, keyword, "\(subject()) does not match the pattern \(JSONWriter.quote(source))")
                return false
            case .budgetExceeded:
                let budget = regexStepBudget
                report(
                    node, keyword,
                    "pattern \(JSONWriter.quote(source)) exceeded the regex step budget of \(budget) steps on \(subject())"
                )
                return false
            }
        }
    }

    private mutating func applyObject(
        _ applicator: ObjectApplicator, _ node: SchemaNode, _ o: JSONObject, _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var valid = true
        for pattern in applicator.patterns {
            if case .invalid = pattern.matcher, !o.isEmpty {
                _ = checkPattern(node, "patternProperties", pattern.source, pattern.matcher, "", subject: "")
                valid = false
                if !recording { return false }
            }
        }
        for (key, value) in o {
            var evaluated = false
            if let edge = applicator.properties[key] {
                evaluated = true
                if !child(edge, .key(key), value) {
                    valid = false
                    if !recording { return false }
                }
            }
            for pattern in applicator.patterns {
                guard case .regex(let regex) = pattern.matcher else { continue }
                switch regex.search(in: key, stepBudget: regexStepBudget) {
                case .matched:
                    evaluated = true
                    if !child(pattern.edge, .key(key), value) { valid = false }
                case .notMatched:
                    continue
                case .budgetExceeded:
                    valid = false
                    let budget = regexStepBudget
                    report(
                        node, "patternProperties",
                        "pattern \(JSONWriter.quote(pattern.source)) exceeded the regex step budget of \(budget) steps on property name \(JSONWriter.quote(key))"
                    )
                }
                if !valid && !recording { return false }
            }
            if !evaluated, let additional = applicator.additional {
                evaluated = true
                if isFalse(additional) {
                    report(
                        node, "additionalProperties",
                        "property \(JSONWriter.quote(key)) is not allowed (additionalProperties is false)")
                    valid = false
                } else if !child(additional, .key(key), value) {
                    valid = false
                }
                if !valid && !recording { return false }
            }
            if collect && evaluated { annotations.properties.insert(key) }
        }
        return valid
    }

    private mutating func applyArray(
        _ applicator: ArrayApplicator, _ node: SchemaNode, _ a: [JSONValue], _ collect: Bool,
        _ annotations: inout Annotations
    ) -> Bool {
        var valid = true
        for (i, item) in a.enumerated() {
            let edge: Edge
            if i < applicator.prefix.count {
                edge = applicator.prefix[i]
            } else if let rest = applicator.rest {
                if isFalse(rest) {
                    report(
                        node, applicator.restKeyword,
                        "array has \(ValueFormatter.plural(a.count, "item")); only \(applicator.prefix.count) allowed (\(applicator.restKeyword) is false)"
                    )
                    return false
                }
                edge = rest
            } else {
                break
            }
            if !child(edge, .index(i), item) {
                valid = false
                if !recording { return false }
            }
        }
        if collect {
            annotations.prefixItems = max(annotations.prefixItems, min(applicator.prefix.count, a.count))
            if applicator.rest != nil { annotations.allItems = true }
        }
        return valid
    }

    /// "integer 5", "string \"x\"", "object".
    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .object, .array: return value.typeName
        case .null: return "null"
        default: return value.typeName + " " + ValueFormatter.render(value, limit: 40)
        }
    }
}
