import SpecGateCore
import SpecGateJSON

/// load → plan → generate: everything before the first request. Throws `RunError` (exit 2) when the
/// run cannot start.
public enum RunPreparation {
    /// Fetches what a spec given by URL needs (the suite's or spec's, and `--changed-since`'s), then prepares.
    public static func prepareFetching(_ options: RunOptions) async throws(RunError) -> PreparedRun {
        var options = options
        if let oldPath = options.changedSince {
            do {
                options.remote.merge(try await RemoteDocuments.fetch(for: oldPath, options: options.specFetch))
            } catch {
                throw RunError(error, context: "--changed-since")
            }
        }
        let target: LoadedTarget
        do {
            target = try await Workspace.fetchAndLoad(
                path: options.path, options: WorkspaceOptions(environment: options.environment, remote: options.remote),
                fetch: options.specFetch)
        } catch {
            throw RunError(error)
        }
        return try prepare(options, target: target)
    }

    public static func prepare(_ options: RunOptions) throws(RunError) -> PreparedRun {
        let target: LoadedTarget
        do {
            target = try Workspace.load(
                path: options.path, options: WorkspaceOptions(environment: options.environment, remote: options.remote))
        } catch {
            throw RunError(error)
        }
        return try prepare(options, target: target)
    }

    /// Prepares a run of `target` (loaded from `options.path`, or from memory: `Workspace.load(documents:root:)`).
    public static func prepare(_ options: RunOptions, target: LoadedTarget) throws(RunError) -> PreparedRun {
        let baseURL = try chooseBaseURL(options, target: target)
        let auth = try credentials(options, target: target, baseURL: baseURL)
        let selection = try selectOperations(options, target: target)
        let operations = selection.operations
        let (checks, config) = try checksAndConfiguration(options, suite: target.suite)
        let generation = generationOptions(
            options, suite: target.suite, credential: auth.credential, config: config, operations: operations,
            checks: checks)
        let generator = CaseGenerator(spec: target.fullSpec, options: generation)
        let parameters = target.suite?.parameters ?? [:]
        let fixed = Set(parameters.keys.map { $0.split(separator: ".").last.map(String.init) ?? $0 })

        // Links: which path parameters take real identifiers, and from which producer (producers go first).
        let planner = LinkPlanner(spec: target.spec, suiteLinks: config.links, fixedParameters: parameters)
        var links = planner.bindings(for: operations)
        let producerIDs = links.map(\.producer).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let ordered =
            operations.filter { producerIDs.contains($0.id) } + operations.filter { !producerIDs.contains($0.id) }
        let plans = operationPlans(ordered, config: config, generation: generation, target: target, fixed: fixed)
        var (producers, notes) = producerCases(producerIDs, generation: generation, target: target, fixed: fixed)
        let captures = uniqueCaptures(planner.bindings(for: target.spec.operations))
        var cleanups = cleanupPlans(captures, generation: generation, target: target)
        var workflows = try plannedWorkflows(config, generation: generation, target: target, fixed: fixed)

        notes += linkNotes(links)
        notes += config.disabledChecks.map {
            "check \($0.check) disabled\($0.operation.map { " for " + $0 } ?? ""): \($0.reason)"
        }
        scope(
            options, selection: selection, links: &links, producers: &producers, cleanups: &cleanups,
            workflows: &workflows)
        let judged = judgedOperations(operations, producers: producers, cleanups: cleanups, workflows: workflows)
        let cross = crossUserCases(
            options, operations: operations, links: links, generation: generation, target: target, fixed: fixed,
            hasIdentities: !auth.identities.isEmpty && auth.credential != nil)
        let reads = stateReads(operations, links: links, generation: generation, target: target, fixed: fixed)
        notes += auth.notes
        return PreparedRun(
            target: target, baseURL: baseURL, operations: operations, plans: plans, generator: generator,
            checks: checks,
            judgedOperations: judged, schemas: ResponseSchemas(spec: target.spec, operations: judged),
            masker: auth.masker, fixedParameters: fixed,
            links: links, producers: producers, captures: captures, cleanups: cleanups, workflows: workflows,
            disabledChecks: config.disabledChecks,
            leadingDiagnostics: selection.leadingNotes.map(Diagnostic.init(note:)),
            trailingDiagnostics: notes.map(Diagnostic.init(note:)) + target.overlayWarnings.map(\.diagnostic),
            options: options,
            identities: auth.identities, crossUserCases: cross.reads, crossUserWrites: cross.writes, stateReads: reads)
    }

    /// `--base-url`, else the suite's `baseURL`, else the spec's first server (variables from `--server-var` or
    /// their defaults; a relative URL resolved against the URL the spec was fetched from). Planning only, a
    /// missing or relative base URL falls back to `http://localhost`.
    static func chooseBaseURL(_ options: RunOptions, target: LoadedTarget) throws(RunError) -> String {
        func isHTTP(_ url: String) -> Bool { url.hasPrefix("http://") || url.hasPrefix("https://") }
        if let given = options.baseURL ?? target.suite?.baseURL {
            if isHTTP(given) { return given }
            if options.planOnly { return "http://localhost" + given }
            throw RunError("base URL \(given) must start with http:// or https://")
        }
        let resolution: ServerURL.Resolution
        do {
            resolution = try ServerURL.resolve(
                root: target.documents.root, documentURI: target.documents.rootURI, variables: options.serverVariables)
        } catch {
            throw RunError(.error("spec.server-url", error.message), underlying: error)
        }
        switch resolution {
        case .absolute(let url):
            if isHTTP(url) { return url }
            if options.planOnly { return "http://localhost" }
            throw RunError(
                "base URL \(url) (the spec's first server) must start with http:// or https://; pass --base-url")
        case .relative(let url):
            if options.planOnly { return "http://localhost" + (url.hasPrefix("/") ? url : "/" + url) }
            throw RunError(
                "the spec's server URL \(url) is relative (to the URL the spec is served from), but the spec is a local file "
                    + "(\(SpecLoadError.displayName(forURI: target.documents.rootURI))): pass --base-url, e.g. --base-url "
                    + ServerURL.exampleBaseURL(forRelative: url) + ", or give the spec's URL instead of the file")
        case .none:
            if options.planOnly { return "http://localhost" }
            throw RunError("no base URL: pass --base-url or set baseURL in the suite")
        }
    }

    /// The first valid case of an operation under `options` (examples mode), if one can be built.
    static func firstValid(
        _ operation: Operation, options: GenerationOptions, spec: APISpec, fixed: Set<String>
    ) -> PlannedCase? {
        var single = options
        single.maxCasesPerOperation = 1
        single.validCasesPerOperation = 1
        single.includeInvalid = false
        single.expectationOverrides = [:]
        guard let testCase = CaseGenerator(spec: spec, options: single).generate(for: operation).cases.first else {
            return nil
        }
        return PlannedCase(operation: operation, testCase: testCase, fixedParameters: fixed)
    }

    /// The extra case of a scenario expectation: the first valid request with the scenario's values,
    /// labelled with the expected statuses (judged exactly by `negative_data_rejection`).
    /// `options` with parameter values and body values that apply to `operation` only (a scenario's or a
    /// workflow step's).
    static func scoped(
        _ options: GenerationOptions, to operation: Operation, parameters: [String: JSONValue], values: [BodyValue]
    ) -> GenerationOptions {
        var scoped = options
        for (name, value) in parameters { scoped.parameterValues[operation.id + "." + name] = value }
        scoped.bodyValues += values.map { value in
            var value = value
            value.operation = operation.id
            return value
        }
        return scoped
    }

    static func scenarioCase(
        _ expectation: SuiteExpectation, operation: Operation, options: GenerationOptions, spec: APISpec,
        fixed: Set<String>
    ) -> PlannedCase? {
        let scenario = scoped(options, to: operation, parameters: expectation.parameters, values: expectation.values)
        guard
            var planned = firstValid(
                operation, options: scenario, spec: spec, fixed: fixed.union(expectation.parameters.keys))
        else { return nil }
        let values = expectation.parameters.sorted { $0.key < $1.key }.map {
            "\($0.key)=\(JSONWriter.compact($0.value))"
        }
        planned.testCase.id = operation.id + "/expectation/" + String(expectation.index + 1)
        planned.testCase.kind = .invalid
        planned.testCase.mutation = "expectation"
        planned.testCase.summary =
            "suite expectation \(expectation.label)" + (values.isEmpty ? "" : " for " + values.joined(separator: ", "))
        planned.testCase.expected = .rejected(statuses: expectation.expect)
        planned.exactStatuses = true
        return planned
    }

    /// One capture per (producer, parameter): the first binding's expression.
    static func uniqueCaptures(_ bindings: [LinkBinding]) -> [LinkBinding] {
        var seen: Set<String> = []
        return bindings.filter { seen.insert($0.producer + "." + $0.parameter).inserted }
    }

    /// How to remove what a producer created: `DELETE <collection>/{p}` or `POST <collection>/{p}/cancel`.
    static func cleanupPlan(for capture: LinkBinding, in spec: APISpec, options: GenerationOptions) -> CleanupPlan? {
        guard let producer = spec.operation(id: capture.producer) else { return nil }
        let item = producer.path + "/{" + capture.parameter + "}"
        let candidates = spec.operations.filter {
            ($0.method == .delete && $0.path == item) || ($0.method == .post && $0.path == item + "/cancel")
        }
        for operation in candidates.sorted(by: { $0.method == .delete && $1.method != .delete }) {
            if let planned = firstValid(operation, options: options, spec: spec, fixed: []) {
                return CleanupPlan(
                    parameter: capture.parameter, operation: operation, request: planned.testCase.request)
            }
        }
        return nil
    }

    /// "links: bookingUid of 12 operations ← createBooking $response.body#/data/uid (inferred)".
    static func linkNotes(_ links: [LinkBinding]) -> [String] {
        var groups: [(key: String, count: Int)] = []
        for link in links {
            let key = "\(link.parameter) ← \(link.producer) \(link.expression) (\(link.origin.rawValue))"
            if let i = groups.firstIndex(where: { $0.key == key }) {
                groups[i].count += 1
            } else {
                groups.append((key, 1))
            }
        }
        return groups.map { "links: \($0.key) for \($0.count) operation\($0.count == 1 ? "" : "s")" }
    }

    // MARK: - Steps of `prepare`, in order

    /// The run's secrets and who sends: the owner's credential (from the environment, or a placeholder that a
    /// credential provider fills in at run time), the suite's other identities, and the masker that hides them.
    struct Credentials {
        var masker: SecretMasker
        var credential: Credential?
        var identities: [RunIdentity]
        var notes: [String]
    }

    static func credentials(_ options: RunOptions, target: LoadedTarget, baseURL: String) throws(RunError)
        -> Credentials
    {
        let suite = target.suite
        var masker = SecretMasker()
        for header in options.specFetch.headers {
            masker.add(.init(value: header.value, placeholder: "<--spec-header \(header.name)>"))
        }
        var credential: Credential?
        if let auth = suite?.auth {
            let secret: String
            switch auth.source {
            case .env(let env):
                let given = options.environment[env].flatMap { $0.isEmpty ? nil : $0 }
                guard let value = given ?? (options.planOnly ? "<" + env + ">" : nil) else {
                    throw RunError(
                        "\(auth.location.map { $0 + ": " } ?? "")the suite takes its credential from $\(env), which is not set"
                    )
                }
                secret = value
                masker.add(.init(value: secret, placeholder: "$" + env))
            case .command, .oauth2, .login:
                // Obtained at run time (`CredentialProvider`): cases carry the placeholder.
                secret = auth.placeholder()
                try CredentialSetup.prepare(auth, target: target, options: options, baseURL: baseURL, masker: &masker)
            }
            // A credential too short to mask as text is still hidden in the header that carries it.
            masker.sensitiveHeaders.insert((auth.header ?? "Authorization").lowercased())
            let scheme: String? = auth.type == .bearer ? "Bearer" : auth.type == .basic ? "Basic" : nil
            credential = Credential(
                header: auth.header ?? "Authorization", scheme: scheme, secret: secret,
                envVar: auth.env.isEmpty ? nil : auth.env, prefix: auth.prefix)
        }
        // Extra identities (`cross_user_access`); an unset optional `env` one is skipped with a note.
        var identities: [RunIdentity] = []
        var identityNotes: [String] = []
        for identity in suite?.identities ?? [] {
            let where_ = identity.auth.location.map { $0 + ": " } ?? ""
            let scheme: String? =
                identity.auth.type == .bearer ? "Bearer" : identity.auth.type == .basic ? "Basic" : nil
            guard case .env(let env) = identity.auth.source else {
                // Obtained at run time (`CredentialProvider`): requests carry the placeholder.
                if identity.optional, !options.planOnly,
                    let unset = CredentialSetup.unsetVariable(
                        of: identity.auth.source, environment: options.environment)
                {
                    identityNotes.append("cross_user_access: identity \(identity.name) skipped: \(unset)")
                    continue
                }
                try CredentialSetup.prepare(
                    identity.auth, target: target, options: options, baseURL: baseURL, masker: &masker)
                let placeholder = identity.auth.placeholder(identity: identity.name)
                var runtime = RunIdentity(
                    name: identity.name, header: identity.auth.header ?? "Authorization",
                    headerValue: scheme.map { $0 + " " + placeholder } ?? placeholder, shownAs: placeholder)
                runtime.runtimeAuth = identity.auth
                identities.append(runtime)
                continue
            }
            let given = options.environment[env].flatMap { $0.isEmpty ? nil : $0 }
            guard let secret = given ?? (options.planOnly ? "<" + env + ">" : nil) else {
                if identity.optional {
                    identityNotes.append("cross_user_access: identity \(identity.name) skipped: $\(env) is not set")
                    continue
                }
                throw RunError("\(where_)identity \(identity.name) takes its credential from $\(env), which is not set")
            }
            masker.add(.init(value: secret, placeholder: "$" + env))
            identities.append(
                RunIdentity(
                    name: identity.name, header: identity.auth.header ?? "Authorization",
                    headerValue: scheme.map { $0 + " " + secret } ?? secret, shownAs: "$" + env))
        }
        for name in suite?.secrets ?? [] {
            if let value = options.environment[name], !value.isEmpty {
                masker.add(.init(value: value, placeholder: "$" + name))
            } else {
                masker.sensitiveHeaders.insert(name.lowercased())
            }
        }

        return Credentials(masker: masker, credential: credential, identities: identities, notes: identityNotes)
    }

    /// The operations the filters select (`--operation`, `--tag`/`--path`/`--method` and their excludes,
    /// `--changed-since`, `--safe`, `--shard`), and the notes that say so at the top of the report.
    struct Selection {
        var operations: [SpecGateCore.Operation]
        var changedNote: String?
        var leadingNotes: [String]
        /// Some filter narrowed the operations (workflows then run only when every step is selected).
        var filtered: Bool
    }

    static func selectOperations(_ options: RunOptions, target: LoadedTarget) throws(RunError) -> Selection {
        let workspaceOptions = WorkspaceOptions(environment: options.environment, remote: options.remote)
        var operations = target.spec.operations
        if !options.operations.isEmpty {
            operations = operations.filter { op in
                options.operations.contains { $0 == op.id || $0 == op.operationId || $0 == op.displayName }
            }
            if operations.isEmpty {
                throw RunError("no operation matches --operation \(options.operations.joined(separator: ", "))")
            }
        }

        if !options.include.isEmpty { operations = operations.filter(options.include.matches) }
        if !options.exclude.isEmpty { operations = operations.filter { !options.exclude.matches($0) } }
        var changedNote: String?
        if let oldPath = options.changedSince {
            let selection: ChangedSinceSelection
            do {
                selection = try ChangedSinceSelection(oldPath: oldPath, target: target, options: workspaceOptions)
            } catch {
                throw RunError(error, context: "--changed-since")
            }
            let total = operations.count
            operations = selection.select(operations)
            changedNote = selection.note(selected: operations.count, of: total)
        }
        var safeNotes: [String] = []
        var shardNote: String?
        if options.safe {
            let unsafe = operations.filter { !$0.method.isSafe }
            operations = operations.filter { $0.method.isSafe }
            safeNotes.append(
                "safe mode (--safe): only GET, HEAD and OPTIONS requests were sent; \(unsafe.count) operation\(unsafe.count == 1 ? "" : "s") with other methods skipped, no links, clean-ups or workflow steps with other methods"
            )
        }
        if operations.isEmpty && changedNote == nil {
            throw RunError("no operation left to test after the filters\(options.safe ? " and --safe" : "")")
        }
        if let shard = options.shard {
            let mine = shard.select(operations.map(\.id))
            let total = operations.count
            operations = operations.filter { mine.contains($0.id) }
            shardNote =
                "shard \(shard): \(operations.count) of \(total) operations\(shard.index == 1 ? "; workflows run in this shard" : "; workflows run in shard 1")"
            if operations.isEmpty && changedNote == nil {
                throw RunError("shard \(shard) has no operation (\(total) operations for \(shard.count) shards)")
            }
        }
        let leadingNotes =
            (shardNote.map { [$0] } ?? []) + (changedNote.map { [$0] } ?? []) + (options.safe ? safeNotes : [])
        let filtered =
            !options.operations.isEmpty || !options.include.isEmpty || !options.exclude.isEmpty || changedNote != nil
        return Selection(
            operations: operations, changedNote: changedNote, leadingNotes: leadingNotes, filtered: filtered)
    }

    /// The checks `--checks` names, and the suite's links, expectations, workflows and disabled checks.
    static func checksAndConfiguration(
        _ options: RunOptions, suite: Suite?
    ) throws(RunError) -> (checks: [any ResponseCheck], config: WorkflowConfiguration) {
        let checks: [any ResponseCheck]
        do {
            checks = try CheckCatalog.select(
                names: options.checks, budgetMilliseconds: options.maxResponseTimeMilliseconds)
        } catch {
            throw RunError(.error("usage.checks", error.description), underlying: error)
        }

        var config = WorkflowConfiguration()
        do throws(SpecLoadError) {
            if let suite { config = try WorkflowConfiguration.parse(suite, knownChecks: CheckCatalog.allNames) }
        } catch {
            throw RunError(error)
        }
        return (checks, config)
    }

    /// What generation needs: seed and budgets, the suite's fixed headers, values and credential, expected
    /// statuses from operation expectations, and the operations that get an `unsupported-method` probe.
    static func generationOptions(
        _ options: RunOptions, suite: Suite?, credential: Credential?, config: WorkflowConfiguration,
        operations: [SpecGateCore.Operation], checks: [any ResponseCheck]
    ) -> GenerationOptions {
        let parameters = suite?.parameters ?? [:]
        var overrides: [String: ExpectedOutcome] = [:]
        for expectation in config.expectations where expectation.kind == .operation {
            for operation in operations where expectation.concerns(operation) {
                overrides[operation.id] = .rejected(statuses: expectation.expect)
            }
        }
        var generation = GenerationOptions(
            seed: options.seed, maxCasesPerOperation: options.maxCasesPerOperation,
            validCasesPerOperation: options.validCasesPerOperation, includeInvalid: options.includeInvalid,
            fixedHeaders: suite?.headers ?? [], credential: credential,
            parameterValues: parameters, bodyValues: suite?.values ?? [], expectationOverrides: overrides)
        // One `unsupported-method` probe per path, on its first selected operation, where the check is on.
        if checks.contains(where: { $0.name == "unsupported_method" }) {
            var probedPaths: Set<String> = []
            for operation in operations where probedPaths.insert(operation.path).inserted {
                if !config.disabledChecks.contains(where: { $0.disables("unsupported_method", for: operation) }) {
                    generation.methodProbeOperations.insert(operation.id)
                }
            }
            generation.safeMethodProbesOnly = options.safe
        }
        return generation
    }

    /// One plan per operation, producers first: its scenario cases (suite expectations) and how many cases it has at most.
    static func operationPlans(
        _ ordered: [SpecGateCore.Operation], config: WorkflowConfiguration, generation: GenerationOptions,
        target: LoadedTarget,
        fixed: Set<String>
    ) -> [OperationPlan] {
        let overrides = generation.expectationOverrides
        var plans: [OperationPlan] = []
        let validCount = max(1, min(generation.validCasesPerOperation, generation.maxCasesPerOperation))
        let generatedBound = generation.includeInvalid ? max(validCount, generation.maxCasesPerOperation) : validCount
        for operation in ordered {
            var scenarios: [PlannedCase] = []
            var scenarioNotes: [String] = []
            for expectation in config.expectations
            where expectation.kind == .scenario && expectation.concerns(operation) {
                guard
                    let scenario = scenarioCase(
                        expectation, operation: operation, options: generation, spec: target.fullSpec, fixed: fixed)
                else {
                    scenarioNotes.append(
                        "expectation \(expectation.index + 1) (\(operation.id)): no valid request could be built; not sent"
                    )
                    continue
                }
                scenarios.append(scenario)
            }
            let mutationExpectations = config.expectations.filter {
                if case .mutation = $0.kind { return $0.concerns(operation) }
                return false
            }
            plans.append(
                OperationPlan(
                    operation: operation, exactValidStatuses: overrides[operation.id] != nil,
                    mutationExpectations: mutationExpectations, scenarios: scenarios, scenarioNotes: scenarioNotes,
                    caseBound: generatedBound + scenarios.count))
        }
        return plans
    }

    /// The first valid request of each producer; a note for each that has none.
    static func producerCases(
        _ producerIDs: [String], generation: GenerationOptions, target: LoadedTarget, fixed: Set<String>
    ) -> (producers: [String: PlannedCase], notes: [String]) {
        var notes: [String] = []
        var producers: [String: PlannedCase] = [:]
        for id in producerIDs {
            guard let operation = target.spec.operation(id: id),
                let first = firstValid(operation, options: generation, spec: target.fullSpec, fixed: fixed)
            else {
                notes.append("links: \(id) has no valid request; its consumers use generated identifiers")
                continue
            }
            producers[id] = first
        }
        return (producers, notes)
    }

    /// How each captured resource is removed after the run, where the spec offers a way.
    static func cleanupPlans(_ captures: [LinkBinding], generation: GenerationOptions, target: LoadedTarget) -> [String:
        CleanupPlan]
    {
        var cleanups: [String: CleanupPlan] = [:]
        for capture in captures {
            guard let plan = cleanupPlan(for: capture, in: target.fullSpec, options: generation) else { continue }
            cleanups[capture.producer + "." + capture.parameter] = plan
        }
        return cleanups
    }

    /// The suite's workflows as planned cases, step by step.
    static func plannedWorkflows(
        _ config: WorkflowConfiguration, generation: GenerationOptions, target: LoadedTarget, fixed: Set<String>
    ) throws(RunError) -> [PlannedWorkflow] {
        var workflows: [PlannedWorkflow] = []
        for workflow in config.workflows {
            var steps: [PlannedCase] = []
            for (index, step) in workflow.steps.enumerated() {
                guard let operation = target.fullSpec.operation(id: step.operation) else {
                    throw RunError(
                        "workflow \"\(workflow.name)\" step \(index + 1): no operation \(step.operation) in the spec")
                }
                let stepOptions = scoped(generation, to: operation, parameters: step.parameters, values: step.values)
                guard
                    var planned = firstValid(
                        operation, options: stepOptions, spec: target.fullSpec, fixed: fixed.union(step.parameters.keys)
                    )
                else {
                    throw RunError(
                        "workflow \"\(workflow.name)\" step \(index + 1): no valid request can be built for \(operation.id)"
                    )
                }
                planned.testCase.id = "workflow/\(workflow.name)/\(index + 1)/\(operation.id)"
                planned.testCase.summary = "workflow \(workflow.name), step \(index + 1)"
                if !step.expect.isEmpty {
                    planned.exactStatuses = true
                    if step.expect.allSatisfy({ (200...299).contains($0) }) {
                        planned.testCase.expected = .success
                    } else {
                        planned.testCase.kind = .invalid
                        planned.testCase.mutation = "expectation"
                        planned.testCase.expected = .rejected(statuses: step.expect)
                    }
                }
                planned.stateAssertions = step.state
                steps.append(planned)
            }
            workflows.append(PlannedWorkflow(name: workflow.name, steps: steps))
        }

        return workflows
    }

    /// What is sent besides the selected operations' cases, narrowed to the selection: workflows only when
    /// every step is selected (and in shard 1), and in `--safe` no producers, clean-ups or unsafe steps.
    static func scope(
        _ options: RunOptions, selection: Selection, links: inout [LinkBinding], producers: inout [String: PlannedCase],
        cleanups: inout [String: CleanupPlan], workflows: inout [PlannedWorkflow]
    ) {
        let operations = selection.operations
        let filtered = selection.filtered
        if filtered {
            // A filtered run sends workflows only when every step is among the selected operations.
            let selected = Set(operations.map(\.id))
            workflows = workflows.filter { $0.steps.allSatisfy { selected.contains($0.operation.id) } }
        }
        if options.safe {
            // Nothing but safe methods leaves the machine: producers (POST), their clean-ups and
            // workflows with unsafe steps are dropped.
            links = []
            producers = [:]
            cleanups = [:]
            workflows = workflows.filter { $0.steps.allSatisfy { $0.operation.method.isSafe } }
        }
        // Workflows span operations of several shards: only shard 1 runs them.
        if let shard = options.shard, shard.index != 1 { workflows = [] }
    }

    /// Every operation whose answers are judged: the selected ones, then producers, clean-ups and workflow
    /// steps outside the selection.
    static func judgedOperations(
        _ operations: [SpecGateCore.Operation], producers: [String: PlannedCase], cleanups: [String: CleanupPlan],
        workflows: [PlannedWorkflow]
    ) -> [SpecGateCore.Operation] {
        // Producers, clean-ups and workflow steps outside the selection are judged too: compile their schemas.
        var judged = operations
        var judgedIDs = Set(operations.map(\.id))
        let extra =
            producers.values.map(\.operation) + cleanups.values.map(\.operation)
            + workflows.flatMap { $0.steps.map(\.operation) }
        for operation in extra where judgedIDs.insert(operation.id).inserted { judged.append(operation) }
        return judged
    }

    /// The requests other identities send for the owner's linked resources (`cross_user_access`): reads, and
    /// outside `--safe` writes.
    static func crossUserCases(
        _ options: RunOptions, operations: [SpecGateCore.Operation], links: [LinkBinding],
        generation: GenerationOptions,
        target: LoadedTarget, fixed: Set<String>, hasIdentities: Bool
    ) -> (reads: [PlannedCase], writes: [PlannedCase]) {
        // What each identity sends for the owner's resources: one valid request per read-only linked operation.
        var crossUserCases: [PlannedCase] = []
        var crossUserWrites: [PlannedCase] = []
        if hasIdentities {
            let linkedReads = operations.filter { op in op.method == .get && links.contains { $0.consumer == op.id } }
            for operation in linkedReads {
                guard var planned = firstValid(operation, options: generation, spec: target.fullSpec, fixed: fixed)
                else { continue }
                planned.testCase.id = "cross-user/" + operation.id
                crossUserCases.append(planned)
            }
            let linkedWrites =
                options.safe
                ? [] : operations.filter { op in !op.method.isSafe && links.contains { $0.consumer == op.id } }
            for operation in linkedWrites {
                guard var planned = firstValid(operation, options: generation, spec: target.fullSpec, fixed: fixed)
                else { continue }
                planned.testCase.id = "cross-user/" + operation.id
                crossUserWrites.append(planned)
            }
        }
        return (crossUserCases, crossUserWrites)
    }

    /// The read of each producer's resource (a GET on its item path): what the automatic state checks read back.
    static func stateReads(
        _ operations: [SpecGateCore.Operation], links: [LinkBinding], generation: GenerationOptions,
        target: LoadedTarget,
        fixed: Set<String>
    ) -> [String: PlannedCase] {
        // The read operation of each producer's resource (a GET on its item path, every path parameter linked
        // to that producer): what the automatic state checks read back (`resource_available`).
        var stateReads: [String: PlannedCase] = [:]
        let itemReads = operations.filter { $0.method == .get && $0.path.hasSuffix("}") }.sorted {
            $0.path.count < $1.path.count
        }
        for operation in itemReads {
            let open = operation.parameters(in: .path).map(\.name).filter { !fixed.contains($0) }
            let bindings = links.filter { $0.consumer == operation.id && open.contains($0.parameter) }
            guard !open.isEmpty, let producerID = bindings.first?.producer, stateReads[producerID] == nil,
                Set(bindings.map(\.parameter)) == Set(open), bindings.allSatisfy({ $0.producer == producerID }),
                var planned = firstValid(operation, options: generation, spec: target.fullSpec, fixed: fixed)
            else { continue }
            planned.testCase.id = "state/" + operation.id
            stateReads[producerID] = planned
        }
        return stateReads
    }
}
