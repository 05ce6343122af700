import SpecGateJSON

/// Edge values for valid cases: where a body property's schema allows them, `0` and `-1` (no
/// minimum), `""` (no `minLength`), a 1,200-character string (no `maxLength`), non-ASCII and astral
/// text, `null` (nullable), `[]` and `{}`. At most `limit` per case, chosen deterministically from the
/// case's own seeded generator, each kept only when the whole body still validates, so a failure
/// points at its cause. Properties the suite fixes (`values`), documented examples, and strings with
/// a `format`, `pattern`, `enum` or `const` are left alone.
struct EdgeValues {
    let context: MutationContext
    var limit = 2

    /// The body with up to `limit` edge values, and a description of each ("/attendee/name = \"\"").
    func apply(
        to body: JSONValue, schema: JSONLocation, fixed: Set<String>, checker: inout SchemaChecker,
        rng: inout SplitMix64
    )
        -> (body: JSONValue, edges: [String])
    {
        var sites: [(pointer: JSONPointer, value: JSONValue)] = []
        collect(body, schema: schema, pointer: .root, depth: 0, fixed: fixed, into: &sites)
        guard !sites.isEmpty else { return (body, []) }
        // A seeded Fisher–Yates shuffle of the candidate sites.
        for i in stride(from: sites.count - 1, to: 0, by: -1) {
            sites.swapAt(i, rng.int(in: 0...i))
        }
        var current = body
        var edges: [String] = []
        var touched: Set<JSONPointer> = []
        for site in sites where edges.count < limit && !touched.contains(site.pointer) {
            guard let changed = current.replacing(at: site.pointer, with: site.value) else { continue }
            guard case .valid = checker.check(changed, against: schema) else { continue }
            current = changed
            touched.insert(site.pointer)
            edges.append("\(site.pointer) = \(Self.describe(site.value))")
        }
        return (current, edges)
    }

    static let longString = String(repeating: "SpecGate edge value ", count: 60)
    static let unicode = "Zoë Ω 日本語 😀 𝄞"

    private func collect(
        _ value: JSONValue, schema: JSONLocation, pointer: JSONPointer, depth: Int, fixed: Set<String>,
        into sites: inout [(pointer: JSONPointer, value: JSONValue)]
    ) {
        guard depth < 3, case .object(let object) = value else { return }
        for (name, propertySchema) in context.properties(of: schema) where !fixed.contains(name) {
            guard let present = object[name] else { continue }
            let child = pointer.appending(name)
            // A documented example stays as it is: each example is sent in turn (see `exampleRotation`).
            if !isExample(present, of: propertySchema) {
                for candidate in candidates(for: propertySchema) where candidate != present {
                    sites.append((child, candidate))
                }
            }
            collect(present, schema: propertySchema, pointer: child, depth: depth + 1, fixed: fixed, into: &sites)
        }
    }

    /// True when `value` is one of the schema's `example`, `examples` or `default` values.
    func isExample(_ value: JSONValue, of schema: JSONLocation) -> Bool {
        examples(of: schema).contains(value)
    }

    /// The schema's `example`, `default` and `examples` values (every part of it), in that order per part.
    func examples(of schema: JSONLocation) -> [JSONValue] {
        var examples: [JSONValue] = []
        for part in context.parts(of: schema) {
            if let example = part.object["example"] { examples.append(example) }
            if let value = part.object["default"] { examples.append(value) }
            if case .array(let list)? = part.object["examples"] { examples += list }
        }
        return examples
    }

    /// Edge values a schema may allow (the engine check has the last word).
    private func candidates(for schema: JSONLocation) -> [JSONValue] {
        let types = context.types(of: schema)
        guard !types.isEmpty, context.keyword("enum", in: schema) == nil, context.keyword("const", in: schema) == nil
        else { return [] }
        var out: [JSONValue] = []
        if types.contains("string"), context.keyword("format", in: schema) == nil,
            context.keyword("pattern", in: schema) == nil
        {
            if context.keyword("minLength", in: schema) == nil { out.append("") }
            if context.keyword("maxLength", in: schema) == nil { out.append(.string(Self.longString)) }
            out.append(.string(Self.unicode))
        }
        if types.contains("integer") || types.contains("number"),
            context.keyword("minimum", in: schema) == nil, context.keyword("exclusiveMinimum", in: schema) == nil
        {
            out.append(0)
            out.append(-1)
        }
        if types.contains("array"), context.keyword("minItems", in: schema) == nil { out.append(.array([])) }
        if types.contains("object"), context.required(of: schema).isEmpty { out.append(.object(JSONObject())) }
        if types.contains("null") || context.keyword("nullable", in: schema) == .bool(true) { out.append(.null) }
        return out
    }

    private static func describe(_ value: JSONValue) -> String {
        if case .string(let s) = value, s.count > 40 { return "a \(s.count)-character string" }
        return JSONWriter.compact(value)
    }
}
