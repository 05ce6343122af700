import SpecGateJSON
import SpecGateRegex

/// Generates JSON values that satisfy a schema in a `DocumentStore`, following `$ref`s.
///
/// Works over a *conjunction* of schema locations: `allOf` members, `$ref` targets and the chosen
/// `oneOf`/`anyOf` branch are all collected and their constraints combined. Every top-level value
/// is then checked with the schema engine; when no attempt yields a valid value the outcome says why.
public struct ValueGenerator {
    /// Result of generating for one schema.
    public enum Outcome: Sendable, Hashable {
        case generated(JSONValue)
        /// No valid value was found; the reason is one line.
        case unsatisfiable(String)

        public var value: JSONValue? {
            if case .generated(let v) = self { return v }
            return nil
        }
    }

    public let resolver: SchemaResolver
    public let dialect: SpecSchemaDialect
    public let direction: SchemaDirection
    /// Object/array nesting beyond which only required members are generated.
    public var maxDepth: Int
    /// Top-level attempts (different branches and choices) before giving up.
    public var attempts: Int
    /// The engine-backed checker; exposed so callers reuse its compiled schemas.
    public var checker: SchemaChecker
    /// Which of a schema's valid `example`/`examples`/`default` values comes first: the valid case's
    /// attempt number, so successive valid cases send each example in turn (0: the first, as before).
    public var exampleRotation = 0

    private var failure: String?
    /// Conjunctions whose collection made no choice (no `oneOf`/`anyOf` on the way), by the locations
    /// collected: the same locations always give the same conjunction, so it is collected once.
    private var fixedConjunctions: [[JSONLocation]: Conjunction] = [:]
    /// What each list of conjunction nodes implies, worked out once (the choices stay per value).
    private var factsByNodes: [[JSONLocation]: Facts] = [:]
    /// Patterns compiled so far (a schema's pattern is compiled once, not per generated value).
    private var compiledPatterns: [String: ECMARegex] = [:]

    public init(
        documents: DocumentStore, dialect: SpecSchemaDialect, direction: SchemaDirection = .request,
        maxDepth: Int = 5, attempts: Int = 12
    ) {
        self.resolver = SchemaResolver(documents: documents)
        self.dialect = dialect
        self.direction = direction
        self.maxDepth = maxDepth
        self.attempts = attempts
        self.checker = SchemaChecker(documents: documents, dialect: dialect, direction: direction)
    }

    /// A value valid against `schema`, or why none was found. Attempt 0 uses `mode`; later attempts
    /// alternate between `mode` and `.random` with fresh choices from `rng`.
    public mutating func generate(for schema: JSONLocation, mode: GenerationMode, rng: inout SplitMix64) -> Outcome {
        var lastReason = "no value could be generated"
        for attempt in 0..<max(1, attempts) {
            let attemptMode: GenerationMode = attempt % 2 == 0 ? mode : .random
            failure = nil
            guard let value = generateValue([schema], depth: 0, mode: attemptMode, rng: &rng) else {
                lastReason = failure ?? lastReason
                continue
            }
            switch checker.check(value, against: schema) {
            case .valid: return .generated(value)
            case .invalid(let why):
                lastReason = "generated " + Self.excerpt(value) + " but the engine rejects it: " + why
            case .unusable(let why): return .unsatisfiable(why)
            }
        }
        return .unsatisfiable(lastReason)
    }

    static func excerpt(_ value: JSONValue) -> String {
        let text = JSONWriter.compact(value)
        return text.count <= 160 ? text : String(text.prefix(157)) + "..."
    }

    // MARK: - Conjunctions

    private struct Node {
        var location: JSONLocation
        var object: JSONObject
    }

    private struct Conjunction {
        var nodes: [Node] = []
        /// Properties fixed by a discriminator for the chosen branch.
        var forced: [(name: String, value: JSONValue)] = []
        var failure: String?
        /// A `oneOf`/`anyOf` branch was chosen: another collection may give another conjunction.
        var chose = false
        /// The nodes' facts, filled in when the conjunction is cached.
        var facts: Facts?
    }

    private mutating func collect(
        _ location: JSONLocation, into c: inout Conjunction, mode: GenerationMode, rng: inout SplitMix64,
        budget: inout Int
    ) {
        guard c.failure == nil else { return }
        budget -= 1
        guard budget > 0 else {
            c.failure = "schema at \(location.pointer) nests allOf/oneOf/$ref too deeply"
            return
        }
        guard let value = resolver.value(at: location) else {
            c.failure = "schema at \(location.pointer) does not resolve"
            return
        }
        switch value {
        case .bool(true): return
        case .bool(false):
            c.failure = "schema at \(location.pointer) is `false`"
            return
        case .object(let o):
            if case .string(let ref)? = o["$ref"] {
                guard let target = resolver.target(of: ref, from: location) else {
                    c.failure = "$ref \(ref) at \(location.pointer) does not resolve"
                    return
                }
                collect(target, into: &c, mode: mode, rng: &rng, budget: &budget)
                if dialect == .openAPI30 { return }
            }
            c.nodes.append(Node(location: location, object: o))
            if case .array(let parts)? = o["allOf"] {
                for i in parts.indices {
                    collect(location.appending("allOf").appending(i), into: &c, mode: mode, rng: &rng, budget: &budget)
                }
            }
            for keyword in ["oneOf", "anyOf"] {
                guard case .array(let parts)? = o[keyword], !parts.isEmpty else { continue }
                c.chose = true
                let branch = location.appending(keyword).appending(rng.index(parts.count))
                if let assignment = discriminatorAssignment(o, branch: branch) { c.forced.append(assignment) }
                collect(branch, into: &c, mode: mode, rng: &rng, budget: &budget)
            }
        default:
            c.failure = "schema at \(location.pointer) is not a schema object"
        }
    }

    /// The discriminator property and value selecting `branch`, when `schema` has a discriminator
    /// and the branch is a `$ref` (mapping key whose target is the branch, else the schema's name).
    private func discriminatorAssignment(_ schema: JSONObject, branch: JSONLocation) -> (
        name: String, value: JSONValue
    )? {
        guard case .object(let discriminator)? = schema["discriminator"],
            case .string(let property)? = discriminator["propertyName"],
            case .string(let ref)? = resolver.value(at: branch)?["$ref"],
            let target = resolver.target(of: ref, from: branch)
        else { return nil }
        if case .object(let mapping)? = discriminator["mapping"] {
            for (key, value) in mapping {
                guard case .string(let mapped) = value else { continue }
                let mappedTarget =
                    resolver.target(of: mapped, from: branch)
                    ?? resolver.target(of: "#/components/schemas/" + mapped, from: branch)
                if mappedTarget == target { return (property, .string(key)) }
            }
        }
        guard let name = target.pointer.last else { return nil }
        return (property, .string(name))
    }

    // MARK: - Values

    private mutating func generateValue(
        _ locations: [JSONLocation], depth: Int, mode: GenerationMode, rng: inout SplitMix64
    ) -> JSONValue? {
        guard depth <= maxDepth + 8 else {
            failure =
                "schema at \(locations.first?.pointer.description ?? "") requires nesting deeper than \(maxDepth + 8) levels (recursive required properties)"
            return nil
        }
        let c = conjunction(of: locations, mode: mode, rng: &rng)
        if let why = c.failure {
            failure = why
            return nil
        }
        let facts = c.facts ?? self.facts(of: c.nodes)
        // Rendered (as its description) only in failure messages.
        let pointer = locations.first?.pointer ?? .root

        // const / enum
        if let usable = facts.enumValues {
            guard !usable.isEmpty else {
                failure = "schema at \(pointer): no enum/const value has an allowed type"
                return nil
            }
            switch mode {
            case .minimal, .examples: return usable[0]
            case .maximal: return usable[usable.count - 1]
            case .random: return usable[rng.index(usable.count)]
            }
        }

        // explicit examples, the n-th valid case starting from the n-th (so each is sent once in turn)
        if useExamples(facts, mode: mode, rng: &rng), !facts.validExamples.isEmpty {
            let examples = facts.validExamples
            let start = exampleRotation % examples.count
            for offset in examples.indices {
                let candidate = examples[(start + offset) % examples.count]
                if c.forced.allSatisfy({ candidate[$0.name] == $0.value }) { return candidate }
            }
        }

        let types = facts.types
        guard !types.isEmpty else {
            failure = "schema at \(pointer): the allowed types do not intersect"
            return nil
        }
        let nonNull = facts.nonNullTypes
        let type: String
        if nonNull.isEmpty {
            type = "null"
        } else if mode == .random, types.contains("null"), rng.chance(1, in: 8) {
            type = "null"
        } else {
            type = mode == .random ? nonNull[rng.index(nonNull.count)] : nonNull[0]
        }
        switch type {
        case "null": return .null
        case "boolean": return .bool(mode == .maximal ? true : mode == .minimal ? false : rng.chance(1, in: 2))
        case "integer", "number":
            return number(facts.number, integer: type == "integer", mode: mode, rng: &rng, pointer: pointer)
        case "string": return string(facts.string, mode: mode, rng: &rng, pointer: pointer).map(JSONValue.string)
        case "array": return array(facts.array, depth: depth, mode: mode, rng: &rng, pointer: pointer)
        case "object":
            return object(facts.object, forced: c.forced, depth: depth, mode: mode, rng: &rng, pointer: pointer)
        default:
            failure = "schema at \(pointer): unknown type \(type)"
            return nil
        }
    }

    /// The conjunction of `locations`: collected afresh when collecting chooses a branch, else once.
    private mutating func conjunction(of locations: [JSONLocation], mode: GenerationMode, rng: inout SplitMix64)
        -> Conjunction
    {
        if let known = fixedConjunctions[locations] { return known }
        var c = Conjunction()
        var budget = 64
        for location in locations { collect(location, into: &c, mode: mode, rng: &rng, budget: &budget) }
        if !c.chose {
            if c.failure == nil { c.facts = facts(of: c.nodes) }
            fixedConjunctions[locations] = c
        }
        return c
    }

    // MARK: Facts

    /// What a conjunction's nodes allow, independent of any choice: worked out once per node list (a
    /// class, so handing out a cached one is a retain rather than a copy of every field).
    private final class Facts {
        /// The const/enum values of an allowed type; nil when no node has `const` or `enum`.
        let enumValues: [JSONValue]?
        /// Some node sets a bound (boundary modes then skip the examples).
        let hasBoundaryKeyword: Bool
        /// The `example`, `examples` and `default` values that are valid against every node, in order.
        let validExamples: [JSONValue]
        /// The allowed types (or, when no node has a type, the ones its keywords imply).
        let types: [String]
        let nonNullTypes: [String]
        let number: NumberFacts
        let string: StringFacts
        let array: ArrayFacts
        let object: ObjectFacts

        init(
            enumValues: [JSONValue]?, hasBoundaryKeyword: Bool, validExamples: [JSONValue], types: [String],
            nonNullTypes: [String], number: NumberFacts, string: StringFacts, array: ArrayFacts, object: ObjectFacts
        ) {
            self.enumValues = enumValues
            self.hasBoundaryKeyword = hasBoundaryKeyword
            self.validExamples = validExamples
            self.types = types
            self.nonNullTypes = nonNullTypes
            self.number = number
            self.string = string
            self.array = array
            self.object = object
        }
    }

    private mutating func facts(of nodes: [Node]) -> Facts {
        let key = nodes.map(\.location)
        if let known = factsByNodes[key] { return known }
        let candidates = exampleCandidates(nodes)
        let validExamples = candidates.filter { candidate in
            nodes.allSatisfy { checker.isValid(candidate, against: $0.location) }
        }
        let allowed = allowedTypes(nodes)
        let enumValues = enumCandidates(nodes).map { candidates in
            candidates.filter { allowed == nil || Self.matches($0, types: allowed ?? []) }
        }
        let types = allowed ?? inferredTypes(nodes)
        let facts = Facts(
            enumValues: enumValues,
            hasBoundaryKeyword: nodes.contains { n in Self.boundaryKeywords.contains { n.object[$0] != nil } },
            validExamples: validExamples, types: types, nonNullTypes: types.filter { $0 != "null" },
            number: numberFacts(nodes), string: stringFacts(nodes), array: arrayFacts(nodes), object: objectFacts(nodes)
        )
        factsByNodes[key] = facts
        return facts
    }

    private static let boundaryKeywords = [
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
    ]

    private func useExamples(_ facts: Facts, mode: GenerationMode, rng: inout SplitMix64) -> Bool {
        switch mode {
        case .examples: return true
        case .random: return rng.chance(3, in: 4)
        case .minimal, .maximal: return !facts.hasBoundaryKeyword
        }
    }

    private func exampleCandidates(_ nodes: [Node]) -> [JSONValue] {
        var out: [JSONValue] = []
        for n in nodes {
            if let e = n.object["example"] { out.append(e) }
            if case .array(let list)? = n.object["examples"] { out.append(contentsOf: list) }
            if let d = n.object["default"] { out.append(d) }
        }
        return out
    }

    private func enumCandidates(_ nodes: [Node]) -> [JSONValue]? {
        var candidates: [JSONValue]?
        for n in nodes {
            var list: [JSONValue]?
            if let c = n.object["const"] { list = [c] }
            if case .array(let e)? = n.object["enum"] { list = list.map { l in l.filter { e.contains($0) } } ?? e }
            guard let list else { continue }
            candidates = candidates.map { current in current.filter { list.contains($0) } } ?? list
        }
        return candidates
    }

    /// Intersection of the `type` keywords (with `nullable` in 3.0); nil when no node has a type.
    private func allowedTypes(_ nodes: [Node]) -> [String]? {
        var result: [String]?
        for n in nodes {
            var types: [String]
            switch n.object["type"] {
            case .string(let t)?: types = [t]
            case .array(let list)?: types = list.compactMap(\.stringValue)
            default: continue
            }
            if dialect == .openAPI30, n.object["nullable"] == .bool(true) { types.append("null") }
            guard let current = result else {
                result = types
                continue
            }
            var merged: [String] = []
            for t in current {
                let m: String?
                if types.contains(t) {
                    m = t
                } else if t == "number", types.contains("integer") {
                    m = "integer"
                } else if t == "integer", types.contains("number") {
                    m = "integer"
                } else {
                    m = nil
                }
                if let m, !merged.contains(m) { merged.append(m) }
            }
            result = merged
        }
        return result
    }

    private func inferredTypes(_ nodes: [Node]) -> [String] {
        func has(_ keys: [String]) -> Bool { nodes.contains { n in keys.contains { n.object[$0] != nil } } }
        if has([
            "properties", "required", "additionalProperties", "minProperties", "maxProperties", "patternProperties",
        ]) {
            return ["object"]
        }
        if has(["items", "prefixItems", "minItems", "maxItems", "uniqueItems"]) { return ["array"] }
        if has(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]) { return ["number"] }
        return ["string"]
    }

    static func matches(_ value: JSONValue, types: [String]) -> Bool {
        types.contains { t in
            switch (t, value) {
            case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
                ("object", .object):
                return true
            case ("integer", .number(let n)): return n.isInteger
            default: return false
            }
        }
    }

    // MARK: Numbers

    private struct Bound {
        var value: JSONNumber
        var exclusive: Bool
    }

    private struct NumberFacts {
        var lower: Bound?
        var upper: Bound?
        var multiple: JSONNumber?
        var formatRange: ClosedRange<Int>?
    }

    private func numberFacts(_ nodes: [Node]) -> NumberFacts {
        var f = NumberFacts()
        func tightenLower(_ b: Bound) {
            guard let cur = f.lower else {
                f.lower = b
                return
            }
            let c = b.value.compare(cur.value)
            if c > 0 || (c == 0 && b.exclusive) { f.lower = b }
        }
        func tightenUpper(_ b: Bound) {
            guard let cur = f.upper else {
                f.upper = b
                return
            }
            let c = b.value.compare(cur.value)
            if c < 0 || (c == 0 && b.exclusive) { f.upper = b }
        }
        for n in nodes {
            let o = n.object
            if case .number(let m)? = o["minimum"] {
                tightenLower(Bound(value: m, exclusive: o["exclusiveMinimum"] == .bool(true)))
            }
            if case .number(let m)? = o["maximum"] {
                tightenUpper(Bound(value: m, exclusive: o["exclusiveMaximum"] == .bool(true)))
            }
            if case .number(let m)? = o["exclusiveMinimum"] { tightenLower(Bound(value: m, exclusive: true)) }
            if case .number(let m)? = o["exclusiveMaximum"] { tightenUpper(Bound(value: m, exclusive: true)) }
            if case .number(let m)? = o["multipleOf"], !m.isZero, !m.negative, f.multiple == nil { f.multiple = m }
            if case .string(let format)? = o["format"], let r = FormatValues.integerBounds(for: format) {
                f.formatRange = r
            }
        }
        return f
    }

    private mutating func number(
        _ f: NumberFacts, integer: Bool, mode: GenerationMode, rng: inout SplitMix64, pointer: JSONPointer
    ) -> JSONValue? {
        var unit: JSONNumber
        if let m = f.multiple {
            unit = integer && !m.isInteger ? (JSONNumber(literal: m.significand) ?? JSONNumber(1)) : m
        } else {
            unit = JSONNumber(1)
        }
        for _ in 0..<7 {
            let range = unit == JSONNumber(1) ? f.formatRange : nil
            if let value = pick(lower: f.lower, upper: f.upper, unit: unit, within: range, mode: mode, rng: &rng) {
                return .number(value)
            }
            // Only a non-integer without multipleOf can try a finer step.
            guard !integer, f.multiple == nil, let finer = JSONNumber(literal: unit.description + "e-1") else { break }
            unit = finer
        }
        failure =
            "schema at \(pointer): no \(integer ? "integer" : "number") lies within the bounds"
            + (f.multiple.map { " as a multiple of \($0)" } ?? "")
        return nil
    }

    /// `k × unit` as an exact number.
    private static func times(_ k: Int, _ unit: JSONNumber) -> JSONNumber? {
        guard let sig = Int(unit.significand) else { return JSONNumber(literal: String(Double(k) * unit.doubleValue)) }
        let (product, overflow) = k.multipliedReportingOverflow(by: sig)
        if overflow { return nil }
        return JSONNumber(literal: String(product) + "e" + String(unit.exponent))
    }

    private static func satisfies(_ v: JSONNumber, lower: Bound?, upper: Bound?) -> Bool {
        if let l = lower {
            let c = v.compare(l.value)
            if c < 0 || (c == 0 && l.exclusive) { return false }
        }
        if let u = upper {
            let c = v.compare(u.value)
            if c > 0 || (c == 0 && u.exclusive) { return false }
        }
        return true
    }

    /// `k × unit` for an integer k chosen by mode within the bounds (and within `range`, a format's
    /// integer range, which narrows the choice without moving the default window).
    private func pick(
        lower: Bound?, upper: Bound?, unit: JSONNumber, within range: ClosedRange<Int>?, mode: GenerationMode,
        rng: inout SplitMix64
    ) -> JSONNumber? {
        func clamp(_ d: Double) -> Int { Int(max(-1e15, min(1e15, d))) }
        let u = unit.doubleValue
        var kLow: Int?
        var kHigh: Int?
        if let l = lower {
            var k = clamp((l.value.doubleValue / u).rounded(.up)) - 1
            for _ in 0..<4 {
                if let v = Self.times(k, unit), Self.satisfies(v, lower: l, upper: nil) { break }
                k += 1
            }
            kLow = k
        }
        if let h = upper {
            var k = clamp((h.value.doubleValue / u).rounded(.down)) + 1
            for _ in 0..<4 {
                if let v = Self.times(k, unit), Self.satisfies(v, lower: nil, upper: h) { break }
                k -= 1
            }
            kHigh = k
        }
        var lo: Int
        var hi: Int
        switch (kLow, kHigh) {
        case (let l?, let h?): (lo, hi) = (l, h)
        case (let l?, nil): (lo, hi) = (l, l + 1000)
        case (nil, let h?): (lo, hi) = h >= 1 ? (1, min(h, 1000)) : (h - 1000, h)
        case (nil, nil): (lo, hi) = (1, 1000)
        }
        if let range {
            lo = max(lo, range.lowerBound)
            hi = min(hi, range.upperBound)
        }
        guard lo <= hi else { return nil }
        let k: Int
        switch mode {
        case .minimal: k = lo
        case .maximal: k = hi
        case .examples, .random: k = rng.int(in: lo...hi)
        }
        guard let value = Self.times(k, unit), Self.satisfies(value, lower: lower, upper: upper) else { return nil }
        return value
    }

    // MARK: Strings

    private struct StringFacts {
        var minLength = 0
        var maxLength: Int?
        var format: String?
        var patterns: [String] = []
    }

    private func stringFacts(_ nodes: [Node]) -> StringFacts {
        var f = StringFacts()
        for n in nodes {
            if let m = n.object["minLength"]?.intValue { f.minLength = max(f.minLength, m) }
            if let m = n.object["maxLength"]?.intValue { f.maxLength = min(f.maxLength ?? m, m) }
            if f.format == nil, case .string(let format)? = n.object["format"] { f.format = format }
            if case .string(let p)? = n.object["pattern"] { f.patterns.append(p) }
        }
        return f
    }

    /// Letters first, then digits: a random string starts with a letter.
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    private mutating func string(_ f: StringFacts, mode: GenerationMode, rng: inout SplitMix64, pointer: JSONPointer)
        -> String?
    {
        let minLength = f.minLength
        let maxLength = f.maxLength
        if let maxLength, maxLength < minLength {
            failure = "schema at \(pointer): maxLength \(maxLength) is below minLength \(minLength)"
            return nil
        }
        func lengthOK(_ s: String) -> Bool {
            let n = s.unicodeScalars.count
            return n >= minLength && n <= (maxLength ?? Int.max)
        }
        if let first = f.patterns.first {
            let regexes: [ECMARegex]
            do {
                var compiled: [ECMARegex] = []
                for p in f.patterns {
                    if let known = compiledPatterns[p] {
                        compiled.append(known)
                    } else {
                        let regex = try ECMARegex(p)
                        compiledPatterns[p] = regex
                        compiled.append(regex)
                    }
                }
                regexes = compiled
            } catch {
                failure = "schema at \(pointer): pattern is not an ECMA-262 regular expression: \(error)"
                return nil
            }
            for _ in 0..<8 {
                guard let candidate = regexes[0].generateMatch(using: &rng, maxRepeat: max(8, minLength)) else { break }
                // `generateMatch` has verified the first pattern already.
                if lengthOK(candidate), regexes.dropFirst().allSatisfy({ $0.matches(candidate) }) { return candidate }
            }
            failure =
                "schema at \(pointer): no string matching /\(first)/ within length \(minLength)...\(maxLength.map(String.init) ?? "") was found"
            return nil
        }
        if let format = f.format, let value = FormatValues.value(for: format, rng: &rng) {
            if lengthOK(value) { return value }
            failure =
                "schema at \(pointer): format \(format) values do not fit length \(minLength)...\(maxLength.map(String.init) ?? "")"
            return nil
        }
        let length: Int
        switch mode {
        case .minimal: length = minLength
        case .maximal: length = min(maxLength ?? (minLength + 24), max(minLength, 4096))
        case .examples, .random:
            let lo = maxLength.map { min(max(minLength, 1), $0) } ?? max(minLength, 1)
            let hi = min(maxLength ?? (lo + 16), lo + 16)
            length = rng.int(in: lo...max(lo, hi))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for i in 0..<length { bytes.append(Self.alphabet[rng.index(i == 0 ? 26 : Self.alphabet.count)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Arrays

    private struct ArrayFacts {
        var minItems = 0
        var maxItems: Int?
        var unique = false
        var items: [JSONLocation] = []
        var prefix: [[JSONLocation]] = []
    }

    private func arrayFacts(_ nodes: [Node]) -> ArrayFacts {
        var f = ArrayFacts()
        for n in nodes {
            if let m = n.object["minItems"]?.intValue { f.minItems = max(f.minItems, m) }
            if let m = n.object["maxItems"]?.intValue { f.maxItems = min(f.maxItems ?? m, m) }
            if n.object["uniqueItems"] == .bool(true) { f.unique = true }
            switch n.object["items"] {
            case .object?, .bool?: f.items.append(n.location.appending("items"))
            case .array(let list)?:
                for i in list.indices {
                    if f.prefix.count <= i { f.prefix.append([]) }
                    f.prefix[i].append(n.location.appending("items").appending(i))
                }
            default: break
            }
            if case .array(let list)? = n.object["prefixItems"] {
                for i in list.indices {
                    if f.prefix.count <= i { f.prefix.append([]) }
                    f.prefix[i].append(n.location.appending("prefixItems").appending(i))
                }
            }
        }
        return f
    }

    private mutating func array(
        _ f: ArrayFacts, depth: Int, mode: GenerationMode, rng: inout SplitMix64, pointer: JSONPointer
    ) -> JSONValue? {
        let minItems = f.minItems
        let unique = f.unique
        if let maxItems = f.maxItems, maxItems < minItems {
            failure = "schema at \(pointer): maxItems \(maxItems) is below minItems \(minItems)"
            return nil
        }
        var count: Int
        switch mode {
        case .minimal: count = minItems
        case .maximal: count = min(f.maxItems ?? (minItems + 3), minItems + 8)
        case .examples, .random: count = rng.int(in: minItems...min(f.maxItems ?? (minItems + 3), minItems + 3))
        }
        if depth >= maxDepth { count = minItems }
        var out: [JSONValue] = []
        var tries = 0
        while out.count < count {
            tries += 1
            if tries > count * 6 + 6 {
                failure =
                    failure ?? "schema at \(pointer): could not generate \(count) \(unique ? "distinct " : "")items"
                return out.count >= minItems ? .array(out) : nil
            }
            let schemas = out.count < f.prefix.count ? f.prefix[out.count] + f.items : f.items
            let element: JSONValue?
            if schemas.isEmpty {
                element = .string("item" + String(out.count + (unique ? rng.int(in: 0...999) * 10 : 0)))
            } else {
                // Boundary modes would repeat the same element; after a duplicate, vary it.
                let varied = mode == .maximal || tries > out.count + 1
                element = generateValue(schemas, depth: depth + 1, mode: varied ? .random : mode, rng: &rng)
            }
            guard let element else { continue }
            if unique, out.contains(element) { continue }
            out.append(element)
        }
        return .array(out)
    }

    // MARK: Objects

    private struct ObjectFacts {
        /// Declared properties in order, then required names without a schema.
        var order: [String] = []
        var schemas: [String: [JSONLocation]] = [:]
        var required: [String] = []
        var closedSets: [[String]] = []
        var additional: [JSONLocation] = []
        var minProperties = 0
        var maxProperties: Int?
        /// Properties left out in this direction (`readOnly` in requests, `writeOnly` in responses).
        var directionless: Set<String> = []
    }

    private func objectFacts(_ nodes: [Node]) -> ObjectFacts {
        var f = ObjectFacts()
        for n in nodes {
            var own: [String] = []
            if case .object(let props)? = n.object["properties"] {
                for (name, _) in props {
                    if f.schemas[name] == nil { f.order.append(name) }
                    f.schemas[name, default: []].append(n.location.appending("properties").appending(name))
                    own.append(name)
                }
            }
            if case .array(let list)? = n.object["required"] {
                for case .string(let name) in list where !f.required.contains(name) { f.required.append(name) }
            }
            switch n.object["additionalProperties"] {
            case .bool(false)?: f.closedSets.append(own)
            case .object?: f.additional.append(n.location.appending("additionalProperties"))
            default: break
            }
            if let m = n.object["minProperties"]?.intValue { f.minProperties = max(f.minProperties, m) }
            if let m = n.object["maxProperties"]?.intValue { f.maxProperties = min(f.maxProperties ?? m, m) }
        }
        for name in f.required where f.schemas[name] == nil { f.order.append(name) }
        let flag = direction == .request ? "readOnly" : "writeOnly"
        for (name, locations) in f.schemas where hasFlag(flag, locations) { f.directionless.insert(name) }
        return f
    }

    private mutating func object(
        _ f: ObjectFacts, forced: [(name: String, value: JSONValue)], depth: Int, mode: GenerationMode,
        rng: inout SplitMix64, pointer: JSONPointer
    ) -> JSONValue? {
        func allowed(_ name: String) -> Bool { f.closedSets.allSatisfy { $0.contains(name) } }
        var order = f.order
        for forcedProperty in forced where !order.contains(forcedProperty.name) { order.append(forcedProperty.name) }
        let minProperties = f.minProperties

        var out = JSONObject()
        let limit = f.maxProperties ?? Int.max
        for name in order {
            let isForced = forced.contains { $0.name == name }
            let isRequired = f.required.contains(name) || isForced
            let locations = f.schemas[name] ?? []
            if !isForced, f.directionless.contains(name) { continue }
            if !isRequired {
                guard allowed(name), depth < maxDepth, out.count < limit else { continue }
                let include: Bool
                switch mode {
                case .minimal: include = out.count < minProperties
                case .maximal, .examples: include = true
                case .random: include = rng.chance(1, in: 2) || out.count < minProperties
                }
                guard include else { continue }
            }
            if let forcedProperty = forced.first(where: { $0.name == name }) {
                out[name] = forcedProperty.value
                continue
            }
            let saved = failure
            if let value = locations.isEmpty
                ? .string("value") : generateValue(locations, depth: depth + 1, mode: mode, rng: &rng)
            {
                out[name] = value
            } else if isRequired {
                return nil
            } else {
                failure = saved
            }
        }
        var extra = 0
        while out.count < minProperties, f.closedSets.isEmpty, extra < minProperties + 4 {
            extra += 1
            let name = "extra" + String(extra)
            guard out[name] == nil else { continue }
            if f.additional.isEmpty {
                out[name] = .string("value")
            } else if let v = generateValue(f.additional, depth: depth + 1, mode: mode, rng: &rng) {
                out[name] = v
            }
        }
        if out.count < minProperties {
            failure = "schema at \(pointer): cannot reach minProperties \(minProperties)"
            return nil
        }
        return .object(out)
    }

    /// True when any of the schemas (after `$ref`, including direct `allOf` members) sets `flag: true`.
    private func hasFlag(_ flag: String, _ locations: [JSONLocation]) -> Bool {
        for location in locations {
            var pending = [location]
            var seen = 0
            while let next = pending.popLast(), seen < 16 {
                seen += 1
                guard case .object(let o)? = resolver.value(at: next) else { continue }
                if o[flag] == .bool(true) { return true }
                if case .string(let ref)? = o["$ref"], let t = resolver.target(of: ref, from: next) {
                    pending.append(t)
                }
                if case .array(let parts)? = o["allOf"] {
                    for i in parts.indices { pending.append(next.appending("allOf").appending(i)) }
                }
            }
        }
        return false
    }
}
