import SpecGateJSON

/// The cases of one operation, made one at a time: the same cases in the same order as
/// ``CaseGenerator/generate(for:)``, but only the case being handed out is held, so memory does not
/// grow with `validCasesPerOperation`. Valid cases come first; the invalid ones (a number bounded by
/// the mutations, not by the case count) are made when the valid ones are exhausted. Not `Sendable`:
/// it holds the generator's schema compiler.
public struct CaseStream {
    public let operation: Operation
    let generator: CaseGenerator
    var rng: SplitMix64
    var values: ValueGenerator
    /// Where the operation's parameters take their values from.
    let template: CaseGenerator.DraftTemplate
    /// Valid drafts still to attempt, and the index of the next attempt.
    let validCount: Int
    var attempt = 0
    /// Valid cases handed out (after de-duplication); the next valid case's number.
    public private(set) var validEmitted = 0
    /// Digests of the valid requests handed out, for de-duplication (8 bytes per case).
    var seen: Set<UInt64> = []
    /// The valid draft the invalid cases mutate: the first one, or the `invalidBaseIndex`-th when there is one.
    var base: RequestDraft?
    /// Which valid case (0-based, after de-duplication) the invalid cases mutate: 0 by default; `run
    /// --max-time` rotates it so later rounds mutate other valid requests.
    public var invalidBaseIndex = 0
    var validDone = false
    var invalid: [TestCase] = []
    var invalidPosition = 0
    var invalidMade = false
    /// The parameters' edge values and examples, worked out at the first case that takes edge values.
    var parameterEdgeSites: ParameterEdgeValues.Sites?
    /// The parameter edge values sent so far (each once per operation).
    var usedParameterEdges: Set<ParameterEdgeValues.Used> = []
    /// What could not be generated, in first-seen order (complete once `next()` returned nil).
    public private(set) var findings: [GenerationFinding] = []

    init(generator: CaseGenerator, operation: Operation) {
        self.generator = generator
        self.operation = operation
        self.rng = SplitMix64(seed: generator.options.seed).derived(operation.id)
        self.values = ValueGenerator(
            documents: generator.spec.documents, dialect: generator.spec.dialect, direction: .request)
        self.template = generator.template(for: operation)
        self.validCount = max(1, min(generator.options.validCasesPerOperation, generator.options.maxCasesPerOperation))
    }

    /// The next case, or nil when the operation has no more.
    public mutating func next() -> TestCase? {
        while !validDone {
            guard attempt < validCount else {
                validDone = true
                break
            }
            if let testCase = nextValid() { return testCase }
        }
        if !invalidMade {
            invalidMade = true
            if generator.options.includeInvalid, let base {
                invalid = generator.invalidCases(
                    operation, base: base, generator: &values, rng: &rng,
                    room: generator.options.maxCasesPerOperation - validEmitted)
            }
        }
        guard invalidPosition < invalid.count else { return nil }
        defer { invalidPosition += 1 }
        return invalid[invalidPosition]
    }

    /// One valid attempt: a case, or nil for a duplicate (or when generation stops).
    private mutating func nextValid() -> TestCase? {
        let modes: [GenerationMode] = [.examples, .minimal, .maximal, .random]
        let mode = attempt < modes.count ? modes[attempt] : .random
        values.exampleRotation = attempt
        attempt += 1
        var found: [GenerationFinding] = []
        guard
            var draft = generator.validDraft(
                operation, template: template, mode: mode, generator: &values, rng: &rng, findings: &found)
        else {
            record(found)
            validDone = true
            return nil
        }
        record(generator.applyBodyValues(operation, to: &draft, checker: &values.checker, resolver: values.resolver))
        let edges =
            attempt > 2
            ? applyEdgeValues(to: &draft, attempt: attempt - 1)
                + applyParameterEdgeValues(to: &draft, attempt: attempt - 1) : []
        let request = draft.serialized()
        guard seen.insert(Self.digest(request)).inserted else { return nil }
        if base == nil || validEmitted == invalidBaseIndex { base = draft }
        let number = validEmitted
        validEmitted += 1
        return TestCase(
            id: operation.id + "/valid/" + String(number), operationID: operation.id, kind: .valid,
            summary: number == 0
                ? "valid request (examples)"
                : "valid request (variant \(number)\(edges.isEmpty ? "" : "; edge values: " + edges.joined(separator: ", ")))",
            expected: generator.options.expectationOverrides[operation.id] ?? .success, request: request,
            bodyValue: draft.body?.value)
    }

    /// Up to two edge values in the body of a valid case after the examples and lower-boundary ones,
    /// drawn from a generator of their own (seed, operation, attempt), so the other values do not move.
    private mutating func applyEdgeValues(to draft: inout RequestDraft, attempt: Int) -> [String] {
        guard var body = draft.body, let schema = body.schema, let value = body.value, value.objectValue != nil else {
            return []
        }
        var fixed: Set<String> = []
        for entry in generator.options.bodyValues where entry.applies(to: operation) {
            if let name = entry.byName ? entry.pointer.tokens.first : entry.pointer.tokens.last { fixed.insert(name) }
        }
        var edgeRNG = SplitMix64(seed: generator.options.seed).derived(operation.id + "/edge/" + String(attempt))
        let context = MutationContext(
            resolver: values.resolver, dialect: generator.spec.dialect, options: generator.options)
        let result = EdgeValues(context: context).apply(
            to: value, schema: schema, fixed: fixed, checker: &values.checker, rng: &edgeRNG)
        body.value = result.body
        draft.body = body
        return result.edges
    }

    /// Up to one edge value in the query and path parameters the generator made (not the suite's), drawn
    /// from a generator of their own (seed, operation, attempt) like the body's.
    private mutating func applyParameterEdgeValues(to draft: inout RequestDraft, attempt: Int) -> [String] {
        let context = MutationContext(
            resolver: values.resolver, dialect: generator.spec.dialect, options: generator.options)
        let edges = ParameterEdgeValues(context: context)
        let sites: ParameterEdgeValues.Sites
        if let known = parameterEdgeSites {
            sites = known
        } else {
            let generated = template.sources.map { source in
                if case .generated = source { return true }
                return false
            }
            sites = edges.sites(of: operation.parameters, generated: generated)
            parameterEdgeSites = sites
        }
        var edgeRNG = SplitMix64(seed: generator.options.seed).derived(
            operation.id + "/parameter-edge/" + String(attempt))
        return edges.apply(to: &draft, sites: sites, used: &usedParameterEdges, checker: &values.checker, rng: &edgeRNG)
    }

    private mutating func record(_ new: [GenerationFinding]) {
        for finding in new where !findings.contains(finding) { findings.append(finding) }
    }

    /// A stable 64-bit FNV-1a digest of a request (method, path and query, headers, body; each field
    /// length-prefixed). Two different requests share one with a probability of about n²/2⁶⁵.
    public static func digest(_ request: PreparedRequest) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func byte(_ b: UInt8) {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        func length(_ n: Int) {
            var n = UInt64(n)
            for _ in 0..<8 {
                byte(UInt8(truncatingIfNeeded: n))
                n >>= 8
            }
        }
        func field<C: Collection>(_ bytes: C) where C.Element == UInt8 {
            length(bytes.count)
            for b in bytes { byte(b) }
        }
        field(request.method.wireName.utf8)
        field(request.pathAndQuery.utf8)
        length(request.headers.count)
        for header in request.headers {
            field(header.name.utf8)
            field(header.value.utf8)
        }
        if let body = request.body {
            byte(1)
            field(body)
        } else {
            byte(0)
        }
        return hash
    }
}
