import SpecGateJSON

/// Edge values for the query and path parameters of valid cases, where the parameter's schema allows
/// them: `0` and `-1` (no minimum), `""` (query only, no `minLength`: an empty path segment would change
/// the route), a long string (1,000 characters in the query, 200 in a path segment; no `maxLength`),
/// non-ASCII and astral text (percent-encoded as UTF-8 by the serializer), and `[]` for an optional array
/// query parameter, which RFC 6570 leaves out of the request. At most `limit` per case, drawn from the
/// case's own seeded generator; each is kept only when the schema engine accepts it. Parameters whose
/// values the suite gives or that hold a documented example, the credential, and strings with a `format`, `pattern`, `enum` or `const` are
/// left alone.
struct ParameterEdgeValues {
    let context: MutationContext
    var limit = 1

    static let longQuery = String(repeating: "SpecGate edge value ", count: 50)
    static let longPath = String(repeating: "SpecGate-edge-value-", count: 10)

    /// What an operation's parameters allow, worked out once per operation (``CaseStream``): per parameter
    /// (parallel to the operation's parameters), the edge values its schema may allow and the documented
    /// examples, which are left as they are. Walking the schema for every case was a quarter of a run's CPU.
    struct Sites {
        var candidates: [[JSONValue]]
        var examples: [[JSONValue]]
    }

    /// The ``Sites`` of `parameters`; `generated` marks (in parallel) the ones whose values are generated.
    func sites(of parameters: [ParameterSpec], generated: [Bool]) -> Sites {
        var sites = Sites(candidates: [], examples: [])
        for (index, parameter) in parameters.enumerated() {
            guard index < generated.count, generated[index],
                parameter.location == .query || parameter.location == .path,
                let schema = parameter.schema
            else {
                sites.candidates.append([])
                sites.examples.append([])
                continue
            }
            sites.candidates.append(candidates(for: parameter, schema: schema))
            sites.examples.append(parameter.examples + EdgeValues(context: context).examples(of: schema))
        }
        return sites
    }

    /// An edge value already sent on a parameter (its index in the operation's parameters).
    struct Used: Hashable {
        var index: Int
        var value: JSONValue
    }

    /// Sets up to `limit` edge values on the draft's parameters (parallel to `sites`) and returns a description
    /// of each ("query attendeeName = \"\""); never sets an edge value that `used` holds, and adds the ones it sets: each edge value
    /// of a parameter is sent once per operation, so the other valid cases keep their generated variety (an
    /// operation whose only generated parameter is a path identifier would otherwise send the same two or
    /// three edge values again and again, and its de-duplicated cases would run out after four).
    func apply(
        to draft: inout RequestDraft, sites: Sites, used: inout Set<Used>, checker: inout SchemaChecker,
        rng: inout SplitMix64
    ) -> [String] {
        var choices: [(index: Int, value: JSONValue)] = []
        for (index, parameter) in draft.parameters.enumerated()
        where index < sites.candidates.count && !sites.candidates[index].isEmpty {
            // A documented example stays as it is: each example is sent in turn (see `exampleRotation`).
            guard let current = parameter.value, !sites.examples[index].contains(current) else { continue }
            for candidate in sites.candidates[index]
            where candidate != current && !used.contains(Used(index: index, value: candidate)) {
                choices.append((index, candidate))
            }
        }
        guard !choices.isEmpty else { return [] }
        // A seeded Fisher–Yates shuffle of the candidate sites.
        for i in stride(from: choices.count - 1, to: 0, by: -1) {
            choices.swapAt(i, rng.int(in: 0...i))
        }
        var edges: [String] = []
        var touched: Set<Int> = []
        for site in choices where edges.count < limit && !touched.contains(site.index) {
            let spec = draft.parameters[site.index].spec
            guard let schema = spec.schema, case .valid = checker.check(site.value, against: schema) else { continue }
            draft.parameters[site.index].value = site.value
            touched.insert(site.index)
            used.insert(Used(index: site.index, value: site.value))
            edges.append("\(spec.location.rawValue) \(spec.name) = \(Self.describe(site.value, spec: spec))")
        }
        return edges
    }

    /// Edge values a parameter's schema may allow (the engine check has the last word).
    func candidates(for parameter: ParameterSpec, schema: JSONLocation) -> [JSONValue] {
        let types = context.types(of: schema)
        guard !types.isEmpty, context.keyword("enum", in: schema) == nil, context.keyword("const", in: schema) == nil
        else { return [] }
        let inPath = parameter.location == .path
        var out: [JSONValue] = []
        if types.contains("string"), context.keyword("format", in: schema) == nil,
            context.keyword("pattern", in: schema) == nil
        {
            if !inPath, context.keyword("minLength", in: schema) == nil { out.append("") }
            if context.keyword("maxLength", in: schema) == nil {
                out.append(.string(inPath ? Self.longPath : Self.longQuery))
            }
            out.append(.string(EdgeValues.unicode))
        }
        if types.contains("integer") || types.contains("number"),
            context.keyword("minimum", in: schema) == nil, context.keyword("exclusiveMinimum", in: schema) == nil
        {
            out.append(0)
            out.append(-1)
        }
        if types.contains("array"), !inPath, !parameter.required, context.keyword("minItems", in: schema) == nil {
            out.append(.array([]))
        }
        return out
    }

    private static func describe(_ value: JSONValue, spec: ParameterSpec) -> String {
        if case .string(let s) = value, s.count > 40 { return "a \(s.count)-character string" }
        if value.arrayValue?.isEmpty == true { return "[] (left out)" }
        return JSONWriter.compact(value)
    }
}
