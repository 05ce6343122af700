import SpecGateCore

/// A run ready to send: the loaded spec, what to send per operation, the compiled checks and the secret
/// masker. Cases are not held: ``CaseFeed`` makes them on demand, so memory does not grow with the case count.
public struct PreparedRun: Sendable {
    public var target: LoadedTarget
    public var baseURL: String
    public var operations: [Operation]
    /// One plan per operation in sending order (operations that produce linked resources first).
    public var plans: [OperationPlan]
    /// Makes the generated cases of each plan (deterministic for the seed).
    public var generator: CaseGenerator
    public var checks: [any ResponseCheck]
    /// Operations whose exchanges get judged: the run's, plus producers, clean-ups and workflow steps.
    public var judgedOperations: [Operation]
    public var schemas: ResponseSchemas
    public var masker: SecretMasker
    /// Suite parameter names whose values are fixed (not generated).
    public var fixedParameters: Set<String>
    /// Linked path parameters of the run's operations (one binding per consumer and parameter).
    public var links: [LinkBinding]
    /// What each producer sends for a consumer case: its first valid case, by operation id.
    public var producers: [String: PlannedCase]
    /// Captures workflow steps make: one binding per (producer, parameter) over the whole spec.
    public var captures: [LinkBinding]
    /// Clean-up of created resources, by producer operation id and parameter ("op.param").
    public var cleanups: [String: CleanupPlan]
    public var workflows: [PlannedWorkflow]
    public var disabledChecks: [DisabledCheck]
    /// Diagnostics before the generation findings (shard, safe mode).
    public var leadingDiagnostics: [Diagnostic]
    /// Diagnostics after them (links, disabled checks, overlay warnings).
    public var trailingDiagnostics: [Diagnostic]
    public var options: RunOptions
    /// The suite's extra identities whose credential is available (`cross_user_access`).
    public var identities: [RunIdentity] = []
    /// One valid request per read-only operation that takes a linked resource: what each identity sends
    /// for the owner's resources (`cross_user_access`).
    public var crossUserCases: [PlannedCase] = []
    /// One valid request per state-changing operation that takes a linked resource: sent by each identity
    /// on a resource created for the purpose (never with `--safe`).
    public var crossUserWrites: [PlannedCase] = []
    /// By producer operation id: one valid request of the read operation on the produced resource's item
    /// path (`GET /v2/bookings/{bookingUid}`), sent by the automatic state checks.
    public var stateReads: [String: PlannedCase] = [:]

    /// The credential requests carry when it is obtained at run time (`auth.command`, `auth.oauth2`, `auth.login`):
    /// cases hold its placeholder, ``CredentialProvider`` the secret.
    public var runtimeCredential: (auth: SuiteAuth, credential: Credential)? {
        guard let auth = target.suite?.auth, auth.isRefreshable, let credential = generator.options.credential else {
            return nil
        }
        return (auth, credential)
    }

    /// Every credential obtained at run time: the owner's, then the identities'.
    var runtimeCredentials: [(identity: String?, auth: SuiteAuth, credential: Credential)] {
        var all: [(identity: String?, auth: SuiteAuth, credential: Credential)] = []
        if let (auth, credential) = runtimeCredential { all.append((nil, auth, credential)) }
        for identity in identities {
            guard let auth = identity.runtimeAuth else { continue }
            let scheme: String? = auth.type == .bearer ? "Bearer" : auth.type == .basic ? "Basic" : nil
            all.append(
                (
                    identity.name, auth,
                    Credential(
                        header: identity.header, scheme: scheme, secret: auth.placeholder(identity: identity.name))
                ))
        }
        return all
    }

    public var suiteName: String { target.suite?.name ?? target.spec.title }

    /// Workflow steps the run sends.
    public var workflowSteps: Int { workflows.reduce(0) { $0 + $1.steps.count } }

    /// Every case in sending order, made at once: generates the whole run on each call (for inspecting a
    /// plan; runs and comparisons stream through one ``CaseFeed``).
    public func makeAllCases() -> [PlannedCase] {
        var feed = CaseFeed(self)
        var all: [PlannedCase] = []
        while let planned = feed.next() { all.append(planned) }
        return all
    }

    /// The run's diagnostics, with every operation's generation findings (generates the whole run on each call).
    public func makeAllDiagnostics() -> [Diagnostic] {
        var feed = CaseFeed(self)
        while feed.next() != nil {}
        return feed.diagnostics
    }

    /// Requests the run sends at least (cases and workflow steps; producers and clean-ups come on top).
    /// Generates the whole run to count them; ``caseBound`` is the cheap upper bound.
    public func countPlannedRequests() -> Int { makeAllCases().count + workflowSteps }

    /// Most cases the run sends, without making them.
    public var caseBound: Int { plans.reduce(0) { $0 + $1.caseBound } }

    /// Diagnostics in report order: leading ones, then per operation its generation findings (`generationFindings`,
    /// parallel to ``plans``; missing entries count as none) and scenario notes, then the trailing ones.
    public func diagnostics(generationFindings: [[GenerationFinding]]) -> [Diagnostic] {
        var collector = DiagnosticCollector(leadingDiagnostics)
        for (index, plan) in plans.enumerated() {
            if index < generationFindings.count {
                collector.emit(
                    contentsOf: generationFindings[index].map { finding in
                        var finding = finding
                        if finding.operationID == nil { finding.operationID = plan.operation.id }
                        return finding.diagnostic
                    })
            }
            for note in plan.scenarioNotes { collector.append(note: note) }
        }
        collector.emit(contentsOf: trailingDiagnostics)
        return collector.diagnostics
    }
}

/// An extra identity of the suite with its credential resolved.
public struct RunIdentity: Sendable {
    public var name: String
    /// Header carrying the credential and its full value ("Bearer cal_…").
    public var header: String
    public var headerValue: String
    /// How its credential is shown ("$CAL_OUTSIDER_API_KEY", "<auth:outsider:oauth2>").
    public var shownAs: String
    /// Its `auth` when the credential is obtained at run time (`command`, `oauth2`, `login`): `headerValue` then
    /// carries the placeholder, replaced as requests are sent.
    public var runtimeAuth: SuiteAuth? = nil
}
