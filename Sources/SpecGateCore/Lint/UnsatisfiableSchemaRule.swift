import SpecGateJSON

/// `unsatisfiable-schema` (error): a schema no finite instance can satisfy.
///
/// Reported causes: a schema that requires itself through required properties, `allOf` branches,
/// `$ref`s, non-empty arrays or all of its `oneOf`/`anyOf` branches (only an infinite instance
/// would do); `enum: []`; conflicting `type`s across `allOf`; and bounds with minimum above maximum.
/// Schemas that are unsatisfiable only because they require such a schema are not repeated.
public struct UnsatisfiableSchemaRule: LintRule {
    public static let id = "unsatisfiable-schema"

    public init() {}

    /// What a schema demands of every valid instance.
    private struct Demands {
        /// Schemas the same instance must satisfy (`allOf` branches, `$ref`).
        var conjuncts: [(label: String, location: JSONLocation)] = []
        /// `anyOf`/`oneOf`: at least one branch of each must be satisfiable.
        var alternatives: [[(label: String, location: JSONLocation)]] = []
        /// Schemas a nested instance must satisfy (required properties, items of a non-empty array).
        var nested: [(label: String, location: JSONLocation)] = []
        var contradiction: String?
        var isFalse = false

        var edges: [(label: String, location: JSONLocation)] { conjuncts + alternatives.flatMap { $0 } + nested }
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        let index = context.index
        let locations = index.order
        let id = Dictionary(uniqueKeysWithValues: locations.enumerated().map { ($1, $0) })
        let demands = locations.map { location in
            index.nodes[location].map { analyse($0, context: context) } ?? Demands()
        }
        // Edge targets as ids; a target outside the index (unresolvable) is taken as satisfiable.
        func ids(_ edges: [(label: String, location: JSONLocation)]) -> [Int] { edges.compactMap { id[$0.location] } }
        let conjuncts = demands.map { ids($0.conjuncts + $0.nested) }
        // A group with an unresolvable branch counts as satisfied, so it is left out.
        let alternatives = demands.map { d in
            d.alternatives.compactMap { group -> [Int]? in
                let targets = ids(group)
                return targets.count == group.count ? targets : nil
            }
        }
        // Least fixpoint: a schema is satisfiable once everything it demands is.
        var satisfiable = [Bool](repeating: false, count: locations.count)
        var changed = true
        while changed {
            changed = false
            for n in locations.indices where !satisfiable[n] {
                let d = demands[n]
                guard d.contradiction == nil, !d.isFalse,
                    conjuncts[n].allSatisfy({ satisfiable[$0] }),
                    alternatives[n].allSatisfy({ $0.contains { satisfiable[$0] } })
                else { continue }
                satisfiable[n] = true
                changed = true
            }
        }
        var findings: [LintFinding] = []
        for n in locations.indices where !satisfiable[n] {
            if let reason = demands[n].contradiction {
                findings.append(finding(at: locations[n], "schema can never be satisfied: \(reason)"))
            }
        }
        // Cycles among unsatisfiable schemas: each strongly connected component is reported once,
        // at its shallowest schema.
        let graph = locations.indices.map { n in
            satisfiable[n] ? [] : ids(demands[n].edges).filter { !satisfiable[$0] }
        }
        for component in StronglyConnectedComponents.find(count: locations.count, successors: { graph[$0] }) {
            guard !satisfiable[component[0]] else { continue }
            let cyclic = component.count > 1 || graph[component[0]].contains(component[0])
            guard cyclic else { continue }
            let members = component.map { locations[$0] }
            guard let start = members.min(by: { ($0.pointer.tokens.count, $0) < ($1.pointer.tokens.count, $1) }) else {
                continue
            }
            let byLocation = Dictionary(uniqueKeysWithValues: component.map { (locations[$0], demands[$0]) })
            let chain = cycle(from: start, within: Set(members), demands: byLocation)
            findings.append(
                finding(
                    at: start,
                    "schema requires itself (\(chain)); only an infinite instance could satisfy it"))
        }
        return findings
    }

    private func finding(at location: JSONLocation, _ message: String) -> LintFinding {
        LintFinding(rule: Self.id, severity: .error, location: location, message: message)
    }

    /// A shortest path from `start` back to itself, written as labels and locations.
    private func cycle(from start: JSONLocation, within members: Set<JSONLocation>, demands: [JSONLocation: Demands])
        -> String
    {
        var previous: [JSONLocation: (from: JSONLocation, label: String)] = [:]
        var queue = [start]
        var head = 0
        var closing: (from: JSONLocation, label: String)?
        search: while head < queue.count {
            let current = queue[head]
            head += 1
            for edge in demands[current]?.edges ?? [] where members.contains(edge.location) {
                if edge.location == start {
                    closing = (from: current, label: edge.label)
                    break search
                }
                if previous[edge.location] == nil {
                    previous[edge.location] = (from: current, label: edge.label)
                    queue.append(edge.location)
                }
            }
        }
        guard let closing else { return start.pointer.uriFragment }
        var steps = [closing.label + " → " + start.pointer.uriFragment]
        var current = closing.from
        while current != start, let step = previous[current] {
            steps.append(step.label)
            current = step.from
        }
        return start.pointer.uriFragment + " → " + steps.reversed().joined(separator: " → ")
    }

    /// Keywords the analysis reads, copied out of the schema in one pass.
    private static let keywords: Set<String> = [
        "allOf", "anyOf", "oneOf", "required", "properties", "minItems", "items", "enum", "minimum", "maximum",
        "minLength",
        "maxLength", "maxItems", "minProperties", "maxProperties", "exclusiveMinimum", "exclusiveMaximum", "type",
        "nullable",
    ]

    private func analyse(_ node: LintSchemaIndex.Node, context: LintContext) -> Demands {
        var d = Demands()
        guard case .object(let object) = node.value else {
            d.isFalse = node.value == .bool(false)
            return d
        }
        var schema: [String: JSONValue] = [:]
        for (key, value) in object where UnsatisfiableSchemaRule.keywords.contains(key) { schema[key] = value }
        let location = node.location
        if let target = node.reference { d.conjuncts.append((label: "$ref", location: target)) }
        if case .array(let branches)? = schema["allOf"] {
            for i in branches.indices {
                d.conjuncts.append((label: "allOf/\(i)", location: location.appending("allOf").appending(i)))
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let branches)? = schema[keyword], !branches.isEmpty else { continue }
            d.alternatives.append(
                branches.indices.map {
                    (label: "\(keyword)/\($0)", location: location.appending(keyword).appending($0))
                })
        }
        if case .array(let required)? = schema["required"], case .object(let properties)? = schema["properties"] {
            for case .string(let name) in required where properties[name] != nil {
                d.nested.append(
                    (
                        label: "properties/\(JSONPointer.escape(name)) (required)",
                        location: location.appending("properties").appending(name)
                    ))
            }
        }
        if let minItems = schema["minItems"]?.intValue, minItems > 0, let items = schema["items"] {
            switch items {
            case .object, .bool:
                d.nested.append((label: "items (minItems \(minItems))", location: location.appending("items")))
            default: break
            }
        }
        d.contradiction = contradiction(in: schema, node: node, context: context)
        return d
    }

    private func contradiction(in schema: [String: JSONValue], node: LintSchemaIndex.Node, context: LintContext)
        -> String?
    {
        if case .array(let values)? = schema["enum"], values.isEmpty { return "`enum` is empty" }
        for (low, high) in [
            ("minimum", "maximum"), ("minLength", "maxLength"), ("minItems", "maxItems"),
            ("minProperties", "maxProperties"),
        ] {
            if let l = schema[low]?.numberValue, let h = schema[high]?.numberValue, h < l {
                return "`\(low)` \(l) is greater than `\(high)` \(h)"
            }
        }
        if case .number(let l)? = schema["exclusiveMinimum"], case .number(let h)? = schema["exclusiveMaximum"], h <= l
        {
            return "`exclusiveMinimum` \(l) leaves nothing below `exclusiveMaximum` \(h)"
        }
        if context.isOpenAPI30, let l = schema["minimum"]?.numberValue, let h = schema["maximum"]?.numberValue, l == h,
            schema["exclusiveMinimum"] == .bool(true) || schema["exclusiveMaximum"] == .bool(true)
        {
            return "`minimum` equals `maximum` but one bound is exclusive"
        }
        return typeConflict(in: schema, node: node, context: context)
    }

    /// The intersection of the schema's own `type` with every `allOf` branch's (following `$ref`s).
    private func typeConflict(in schema: [String: JSONValue], node: LintSchemaIndex.Node, context: LintContext)
        -> String?
    {
        guard case .array(let branches)? = schema["allOf"] else { return nil }
        var allowed = types(of: schema["type"], nullable: schema["nullable"], context: context)
        var sources: [String] = allowed == nil ? [] : ["type"]
        for i in branches.indices {
            guard let branch = resolvedObject(node.location.appending("allOf").appending(i), context: context),
                let branchTypes = types(of: branch["type"], nullable: branch["nullable"], context: context)
            else { continue }
            sources.append("allOf/\(i)")
            allowed = allowed.map { TypeSet.intersect($0, branchTypes) } ?? branchTypes
            if allowed?.isEmpty == true {
                return "`type`s conflict across \(sources.joined(separator: ", ")): no value has all of them"
            }
        }
        return nil
    }

    private func resolvedObject(_ location: JSONLocation, context: LintContext) -> JSONObject? {
        var location = location
        for _ in 0..<16 {
            guard case .object(let object)? = context.documents.value(at: location) else { return nil }
            guard case .string(let ref)? = object["$ref"], object["type"] == nil else { return object }
            guard let target = context.resolve(reference: ref, from: location) else { return nil }
            location = target
        }
        return nil
    }

    private func types(of type: JSONValue?, nullable: JSONValue?, context: LintContext) -> Set<String>? {
        var result: Set<String>
        switch type {
        case .string(let t)?: result = [t]
        case .array(let ts)?: result = Set(ts.compactMap(\.stringValue))
        default: return nil
        }
        if nullable == .bool(true), context.isOpenAPI30 { result.insert("null") }
        return result
    }
}

/// JSON Schema type sets, where `integer` is a subset of `number`.
enum TypeSet {
    static func intersect(_ a: Set<String>, _ b: Set<String>) -> Set<String> {
        var result = a.intersection(b)
        if (a.contains("integer") && b.contains("number")) || (a.contains("number") && b.contains("integer")) {
            result.insert("integer")
        }
        return result
    }
}
