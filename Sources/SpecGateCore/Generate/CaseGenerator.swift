import SpecGateJSON

/// Turns operations into test cases: valid requests (example, lower-boundary, upper-boundary and
/// random variants) that the schema engine confirms, and labelled invalid requests, one mutation each.
public struct CaseGenerator: Sendable {
    public let spec: APISpec
    public let options: GenerationOptions
    public let mutations: [any Mutation]

    public init(spec: APISpec, options: GenerationOptions, mutations: [any Mutation] = MutationCatalog.all) {
        self.spec = spec
        self.options = options
        self.mutations = mutations
    }

    /// Cases for every operation, in spec order.
    public func generateAll() -> [CaseSet] {
        spec.operations.map { generate(for: $0) }
    }

    /// Cases and findings for one operation. Deterministic in (spec, options, operation id).
    public func generate(for operation: Operation) -> CaseSet {
        var stream = cases(for: operation)
        var result = CaseSet(operationID: operation.id)
        while let testCase = stream.next() { result.cases.append(testCase) }
        result.findings = stream.findings
        return result
    }

    /// The cases of one operation, made one at a time (the same cases, in the same order, as
    /// ``generate(for:)``).
    public func cases(for operation: Operation) -> CaseStream {
        CaseStream(generator: self, operation: operation)
    }

    // MARK: - Valid drafts

    private func isCredentialHeader(_ p: ParameterSpec) -> Bool {
        p.location == .header && p.name.lowercased() == (options.credential?.header ?? "Authorization").lowercased()
    }

    /// Where each parameter of an operation takes its value from, and the headers every valid draft
    /// adds: the same for every case of the operation, so worked out once (``CaseStream``).
    struct DraftTemplate {
        enum Source {
            /// The credential header (filled from the suite, never generated).
            case credential
            /// A suite parameter value or a fixed suite header.
            case suite(JSONValue)
            case generated
        }

        /// Parallel to the operation's parameters.
        var sources: [Source]
        /// Fixed suite headers the operation does not declare, then the credential when no parameter carries it.
        var extraHeaders: [RequestDraft.Header]
    }

    func template(for operation: Operation) -> DraftTemplate {
        let sources: [DraftTemplate.Source] = operation.parameters.map { p in
            if isCredentialHeader(p) { return .credential }
            if let v = options.parameterValue(operation: operation, name: p.name) { return .suite(v) }
            if p.location == .header, let fixed = options.fixedHeader(p.name) { return .suite(.string(fixed)) }
            return .generated
        }
        var extra: [RequestDraft.Header] = []
        for header in options.fixedHeaders
        where !operation.parameters.contains(where: {
            $0.location == .header && $0.name.lowercased() == header.name.lowercased()
        }) {
            extra.append(.init(name: header.name, value: header.value))
        }
        if let credential = options.credential,
            !sources.contains(where: { if case .credential = $0 { true } else { false } })
        {
            extra.append(.init(name: credential.header, value: credential.headerValue, isCredential: true))
        }
        return DraftTemplate(sources: sources, extraHeaders: extra)
    }

    func validDraft(
        _ operation: Operation, mode: GenerationMode, generator: inout ValueGenerator, rng: inout SplitMix64,
        findings: inout [GenerationFinding]
    ) -> RequestDraft? {
        validDraft(
            operation, template: template(for: operation), mode: mode, generator: &generator, rng: &rng,
            findings: &findings)
    }

    func validDraft(
        _ operation: Operation, template: DraftTemplate, mode: GenerationMode, generator: inout ValueGenerator,
        rng: inout SplitMix64, findings: inout [GenerationFinding]
    ) -> RequestDraft? {
        var parameters: [RequestDraft.Parameter] = []
        parameters.reserveCapacity(operation.parameters.count)
        var complete = true
        for (p, source) in zip(operation.parameters, template.sources) {
            switch source {
            case .credential:
                parameters.append(
                    .init(spec: p, value: options.credential.map { .string($0.headerValue) }, isCredential: true))
                continue
            case .suite(let v):
                parameters.append(.init(spec: p, value: v))
                continue
            case .generated:
                break
            }
            let include: Bool
            switch (p.required, p.location, mode) {
            case (true, _, _): include = true
            case (false, .query, .maximal): include = true
            case (false, .query, .random): include = rng.chance(1, in: 2)
            // Optional headers whose values the spec pins down (enum, const, typed, an example): an
            // unconstrained string header is often a credential in disguise (Cal.com's x-cal-client-id),
            // where any made-up value changes what the server does.
            case (false, .header, .maximal):
                include = Self.isConstrainedHeader(p, resolver: generator.resolver, dialect: spec.dialect)
            case (false, .header, .random):
                include =
                    Self.isConstrainedHeader(p, resolver: generator.resolver, dialect: spec.dialect)
                    && rng.chance(1, in: 2)
            default: include = false
            }
            guard include else {
                parameters.append(.init(spec: p, value: nil))
                continue
            }
            let schema = p.schema ?? p.content.first?.schema
            guard let schema else {
                parameters.append(.init(spec: p, value: p.examples.first ?? .string("value")))
                continue
            }
            // The parameter's own `example`/`examples`, each in turn (one per valid case), when valid.
            if p.schema != nil, !p.examples.isEmpty {
                let example = p.examples[generator.exampleRotation % p.examples.count]
                if case .valid = generator.checker.check(example, against: schema) {
                    parameters.append(.init(spec: p, value: example))
                    continue
                }
            }
            let paramMode: GenerationMode = p.location == .query ? mode : .examples
            switch generator.generate(for: schema, mode: paramMode, rng: &rng) {
            case .generated(let v):
                parameters.append(.init(spec: p, value: p.schema == nil ? .string(JSONWriter.compact(v)) : v))
            case .unsatisfiable(let why):
                findings.append(finding(operation, schema, why))
                if p.required { complete = false }
                parameters.append(.init(spec: p, value: nil))
            }
        }
        let extra = template.extraHeaders
        var body: RequestDraft.Body?
        if let requestBody = operation.requestBody, requestBody.required || mode != .minimal,
            let media = Self.preferredMedia(requestBody.content)
        {
            // The media type's own `example`/`examples`, each in turn, when valid.
            let example: JSONValue? =
                media.examples.isEmpty ? nil : media.examples[generator.exampleRotation % media.examples.count]
            if let schema = media.schema, let example, case .valid = generator.checker.check(example, against: schema) {
                body = .init(mediaType: media.mediaType, value: example, schema: schema)
            } else if let schema = media.schema {
                switch generator.generate(for: schema, mode: mode, rng: &rng) {
                case .generated(let v): body = .init(mediaType: media.mediaType, value: v, schema: schema)
                case .unsatisfiable(let why):
                    findings.append(finding(operation, schema, why))
                    if requestBody.required { complete = false }
                }
            } else {
                body = .init(
                    mediaType: media.mediaType, value: media.examples.first ?? .object(JSONObject()), schema: nil)
            }
        }
        guard complete else { return nil }
        return RequestDraft(operation: operation, parameters: parameters, extraHeaders: extra, body: body)
    }

    /// Sets the suite's body values that fit the body's schema; each one the body would not validate
    /// with is left out and reported.
    func applyBodyValues(
        _ operation: Operation, to draft: inout RequestDraft, checker: inout SchemaChecker, resolver: SchemaResolver
    ) -> [GenerationFinding] {
        let values =
            options.bodyValues.filter { $0.applies(to: operation) && $0.operation == nil }
            + options.bodyValues.filter { $0.applies(to: operation) && $0.operation != nil }
        guard !values.isEmpty, var body = draft.body, let schema = body.schema, var current = body.value else {
            return []
        }
        let context = MutationContext(resolver: resolver, dialect: spec.dialect, options: options)
        let declared = values.contains(where: \.byName) ? context.properties(of: schema).map(\.name) : []
        var findings: [GenerationFinding] = []
        for entry in values {
            if entry.byName, !declared.contains(entry.pointer.tokens[0]) { continue }
            guard current.value(at: entry.pointer.parent ?? .root)?.objectValue != nil else { continue }
            var why = ""
            var applied = false
            for candidate in entry.candidates {
                guard let changed = current.replacing(at: entry.pointer, with: candidate) else { continue }
                switch checker.check(changed, against: schema) {
                case .valid:
                    current = changed
                    applied = true
                case .invalid(let reason), .unusable(let reason):
                    why = reason
                }
                if applied { break }
            }
            if !applied {
                findings.append(
                    GenerationFinding(
                        operationID: operation.id, location: schema,
                        message: "suite value for body \(entry.pointer) left out: the body would not validate (\(why))")
                )
            }
        }
        body.value = current
        draft.body = body
        return findings
    }

    /// True when an optional header's schema pins its values down: `enum`/`const`, a non-string type,
    /// or an `example`/`examples`/`default` (on the schema or the parameter).
    static func isConstrainedHeader(_ p: ParameterSpec, resolver: SchemaResolver, dialect: SpecSchemaDialect) -> Bool {
        guard let schema = p.schema else { return false }
        if !p.examples.isEmpty { return true }
        let context = MutationContext(resolver: resolver, dialect: dialect, options: GenerationOptions())
        for keyword in ["enum", "const", "example", "examples", "default"]
        where context.keyword(keyword, in: schema) != nil {
            return true
        }
        let types = context.types(of: schema)
        return !types.isEmpty && !types.contains("string")
    }

    /// JSON first, then form, then multipart, else the first declared.
    static func preferredMedia(_ content: [MediaTypeSpec]) -> MediaTypeSpec? {
        content.first { $0.isJSON }
            ?? content.first { MediaTypeSpec.essence(of: $0.mediaType) == "application/x-www-form-urlencoded" }
            ?? content.first { MediaTypeSpec.essence(of: $0.mediaType) == "multipart/form-data" }
            ?? content.first
    }

    private func finding(_ operation: Operation, _ schema: JSONLocation, _ why: String) -> GenerationFinding {
        GenerationFinding(
            operationID: operation.id, location: schema,
            message: "schema at \(schema.pointer) could not be satisfied: \(why)")
    }

    // MARK: - Invalid cases

    func invalidCases(
        _ operation: Operation, base: RequestDraft, generator: inout ValueGenerator, rng: inout SplitMix64, room: Int
    ) -> [TestCase] {
        guard room > 0 else { return [] }
        let pathMethods = spec.operations.filter { $0.path == operation.path }.map(\.method)
        let context = MutationContext(
            resolver: generator.resolver, dialect: spec.dialect, options: options, pathMethods: pathMethods)
        var perMutation: [[(mutation: String, mutant: Mutant)]] = []
        for mutation in mutations {
            let kept = mutation.mutants(of: base, context: context, rng: &rng).filter { mutant in
                switch mutant.check {
                case .none: return true
                case .mustViolate(let value, let schema):
                    if case .invalid = generator.checker.check(value, against: schema) { return true }
                    return false
                }
            }
            perMutation.append(kept.map { (mutation.name, $0) })
        }
        // Round-robin so a cap keeps every kind of mutation represented.
        var ordered: [(mutation: String, mutant: Mutant)] = []
        var round = 0
        while ordered.count < room, perMutation.contains(where: { $0.count > round }) {
            for list in perMutation where list.count > round && ordered.count < room { ordered.append(list[round]) }
            round += 1
        }
        var ids: [String] = []
        return ordered.map { entry in
            var id = operation.id + "/invalid/" + entry.mutation + "/" + entry.mutant.key
            if ids.contains(id) { id += "#" + String(ids.filter { $0.hasPrefix(id) }.count + 1) }
            ids.append(id)
            let m = entry.mutant
            return TestCase(
                id: id, operationID: operation.id, kind: .invalid, mutation: entry.mutation, target: m.target,
                summary: m.summary, expected: m.expected, request: m.draft.serialized(), bodyValue: m.draft.body?.value)
        }
    }
}
