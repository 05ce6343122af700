import SpecGateJSON

/// Finds `oneOf` schemas whose branches overlap: an instance generated for one branch that the
/// schema engine finds valid against another, so "exactly one" fails for it.
public struct OneOfOverlapDetector {
    /// Two branches of a `oneOf` and an instance both accept.
    public struct Overlap: Sendable, Hashable {
        /// The schema holding the `oneOf`.
        public var schema: JSONLocation
        /// The branch the witness was generated for.
        public var first: JSONLocation
        /// Another branch that also accepts it.
        public var second: JSONLocation
        public var witness: JSONValue
    }

    public var generator: ValueGenerator
    /// Instances generated per branch (each a different seed and mode).
    public var samplesPerBranch: Int

    public init(
        documents: DocumentStore, dialect: SpecSchemaDialect, direction: SchemaDirection = .request,
        samplesPerBranch: Int = 6
    ) {
        generator = ValueGenerator(documents: documents, dialect: dialect, direction: direction, attempts: 4)
        self.samplesPerBranch = samplesPerBranch
    }

    /// For each ordered branch pair of the `oneOf` at `schema` that overlaps, the shortest witness
    /// found (compact JSON length); empty when no generated instance matches two branches.
    /// Deterministic in the schema's pointer and `seed`, whatever document URI holds it.
    public mutating func overlaps(in schema: JSONLocation, seed: UInt64 = 1) -> [Overlap] {
        guard case .array(let branches)? = generator.resolver.value(at: schema)?["oneOf"], branches.count > 1 else {
            return []
        }
        let locations = branches.indices.map { schema.appending("oneOf").appending($0) }
        // Per ordered pair (i, j), keyed i * count + j: the shortest witness so far, and the order in
        // which pairs were first found. Looked up by key, not searched for among the found pairs: each
        // look would copy the pairs' locations and witnesses (a third of `lint`'s time on a big spec).
        let count = locations.count
        var lengths: [Int: Int] = [:]
        var best: [Int: Overlap] = [:]
        var order: [Int] = []
        var rng = SplitMix64(seed: seed).derived(schema.pointer.description)
        for (i, branch) in locations.enumerated() {
            for sample in 0..<samplesPerBranch {
                let mode = GenerationMode.allCases[sample % GenerationMode.allCases.count]
                guard let witness = generator.generate(for: branch, mode: mode, rng: &rng).value else { continue }
                let length = JSONWriter.compact(witness).utf8.count
                for (j, other) in locations.enumerated() where j != i {
                    let pair = i * count + j
                    let known = lengths[pair]
                    if let known, known <= length { continue }
                    guard generator.checker.isValid(witness, against: other) else { continue }
                    if known == nil { order.append(pair) }
                    best[pair] = Overlap(schema: schema, first: branch, second: other, witness: witness)
                    lengths[pair] = length
                }
            }
        }
        return order.compactMap { best[$0] }
    }

    /// Every schema object holding a `oneOf` in a document: under `components/schemas` or any `schema` member.
    public static func oneOfLocations(in documents: DocumentStore) -> [JSONLocation] {
        var out: [JSONLocation] = []
        func walk(_ value: JSONValue, _ location: JSONLocation, inSchema: Bool) {
            switch value {
            case .object(let o):
                if inSchema, case .array? = o["oneOf"] { out.append(location) }
                for (key, child) in o {
                    let schemaContext = inSchema || key == "schema" || key == "schemas"
                    walk(
                        child, location.appending(key),
                        inSchema: schemaContext
                            && !(key == "example" || key == "examples" || key == "enum" || key == "const"
                                || key == "default")
                    )
                }
            case .array(let items):
                for (i, child) in items.enumerated() { walk(child, location.appending(i), inSchema: inSchema) }
            default: break
            }
        }
        for uri in documents.uris {
            guard let root = documents[uri] else { continue }
            walk(root, JSONLocation(document: uri), inSchema: false)
        }
        return out
    }
}
