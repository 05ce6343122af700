import Foundation
import SpecGateCore
import SpecGateHTTP
import SpecGateRunner

/// A spec or suite loaded for testing from Swift code: the `SpecGate` library's entry point.
///
/// ```swift
/// let suite = try ContractSuite(file: "specs/calcom/suite.yaml")
/// let run = try await suite.run(against: "http://127.0.0.1:8080", options: .init(environment: ["CAL_API_KEY": key]))
/// #expect(run.passed, "\(run.findings.map(\.description))")
/// ```
///
/// Loading is the same as `specgate run`'s: a suite's spec (or `endpoints`) with its overlays applied and its
/// operations selected; a bare OpenAPI 3.x or Swagger 2.0 document works too. A spec that cannot be loaded
/// throws ``SpecGateError``; a contract violation never throws, it is a ``ContractFinding`` of the run.
public struct ContractSuite: Sendable {
    /// What was loaded (the `SpecGateRunner` model).
    public let target: LoadedTarget
    /// Where it came from: the path or URL as given, or `/specgate-in-memory/<root>` for documents in memory.
    public let path: String
    /// Documents fetched over HTTP(S) for a spec given by URL (prepared runs read them from here).
    let remote: RemoteDocuments
    /// How they were fetched (its headers are masked like any secret).
    let fetch: SpecFetcher.Options

    /// The suite's name, or the spec's title.
    public var name: String { target.suite?.name ?? target.spec.title }

    /// The operations a run tests (the suite's `include`/`exclude` applied), in spec order.
    public var operations: [OperationInfo] { target.spec.operations.map(OperationInfo.init) }

    /// Loads a suite file or an OpenAPI document from disk (relative paths: from the current folder). A
    /// local suite whose `spec` is a URL needs ``load(file:fetch:)`` instead.
    public init(file path: String, environment: [String: String]? = nil) throws(SpecGateError) {
        do {
            target = try Workspace.load(path: path, options: WorkspaceOptions(environment: environment))
        } catch {
            throw SpecGateError(error)
        }
        self.path = path
        remote = RemoteDocuments()
        fetch = SpecFetcher.Options()
    }

    /// Loads a spec or suite held in memory. `documents` maps names in one virtual folder (`"suite.yaml"`,
    /// `"openapi.json"`, `"overlay.yaml"`, …) to their JSON or YAML bytes; `root` is the one to load. A
    /// suite's `spec`, overlays and `$ref`s resolve among `documents`; nothing is read from disk.
    public init(documents: [String: [UInt8]], root: String, environment: [String: String]? = nil) throws(SpecGateError)
    {
        do {
            target = try Workspace.load(
                documents: documents, root: root, options: WorkspaceOptions(environment: environment))
        } catch {
            throw SpecGateError(error)
        }
        path = Workspace.inMemoryFolder + "/" + root
        remote = RemoteDocuments()
        fetch = SpecFetcher.Options()
    }

    /// Loads an OpenAPI document held in memory (JSON or YAML), as ``init(documents:root:environment:)`` with one document.
    public init(spec: [UInt8], name: String = "openapi.json") throws(SpecGateError) {
        try self.init(documents: [name: spec], root: name)
    }

    /// Loads a spec given by an `http(s)` URL (with every document its `$ref`s name), or a local file whose
    /// suite names its spec by URL. `headers` are sent with each fetch (and masked in every output).
    public static func load(
        file pathOrURL: String, headers: [HeaderField] = [], environment: [String: String]? = nil
    ) async throws(SpecGateError) -> ContractSuite {
        var fetch = SpecFetcher.Options()
        fetch.headers = headers
        let remote: RemoteDocuments
        let target: LoadedTarget
        do {
            remote = try await RemoteDocuments.fetch(for: pathOrURL, options: fetch)
            target = try Workspace.load(
                path: pathOrURL, options: WorkspaceOptions(environment: environment, remote: remote))
        } catch {
            throw SpecGateError(error)
        }
        return ContractSuite(target: target, path: pathOrURL, remote: remote, fetch: fetch)
    }

    private init(target: LoadedTarget, path: String, remote: RemoteDocuments, fetch: SpecFetcher.Options) {
        self.target = target
        self.path = path
        self.remote = remote
        self.fetch = fetch
    }

    /// The requests a run against `baseURL` would send, in sending order (`specgate plan`, as data); nothing is sent.
    public func plan(against baseURL: String? = nil, options: RunConfiguration = RunConfiguration())
        throws(SpecGateError) -> [PlannedRequest]
    {
        var runOptions = options.runOptions(path: path, baseURL: baseURL, remote: remote, fetch: fetch)
        runOptions.planOnly = true
        let prepared = try prepare(runOptions)
        var planned = prepared.makeAllCases().map { PlannedRequest($0.testCase, workflow: nil, prepared: prepared) }
        for workflow in prepared.workflows {
            planned += workflow.steps.map { PlannedRequest($0.testCase, workflow: workflow.name, prepared: prepared) }
        }
        return planned
    }

    /// Sends the generated cases to `baseURL`, judges every response and returns the results (also when checks
    /// fail: that is data, see ``ContractRun/passed``). Writes the JUnit and JSON reports when
    /// ``RunConfiguration/junitPath`` or ``RunConfiguration/jsonPath`` is set. Throws ``SpecGateError`` only
    /// when the run cannot start (no credential, no operation left, …) or a report cannot be written.
    /// Cancelling the task stops the run; the result is then marked ``ContractRun/incomplete``.
    public func run(against baseURL: String, options: RunConfiguration = RunConfiguration()) async throws(SpecGateError)
        -> ContractRun
    {
        let prepared = try prepare(options.runOptions(path: path, baseURL: baseURL, remote: remote, fetch: fetch))
        let report: RunReport
        do {
            report = try await RunExecutor.execute(prepared)
        } catch {
            throw SpecGateError(error)
        }
        do {
            try options.writeReports(report, masker: prepared.masker)
        } catch {
            throw SpecGateError(error)
        }
        return ContractRun(report)
    }

    private func prepare(_ options: RunOptions) throws(SpecGateError) -> PreparedRun {
        do {
            return try RunPreparation.prepare(options, target: target)
        } catch {
            throw SpecGateError(error)
        }
    }
}

/// An operation of a loaded suite.
public struct OperationInfo: Sendable, Hashable, CustomStringConvertible {
    /// The id results are reported under (the operationId, or `"METHOD /path"`).
    public var id: String
    public var method: String
    public var path: String
    public var tags: [String]

    init(_ operation: SpecGateCore.Operation) {
        id = operation.id
        method = operation.method.wireName
        path = operation.path
        tags = operation.tags
    }

    public var description: String { id }
}

/// Loading a spec or starting a run failed (a usage error: `specgate` exits 2). Contract violations are never
/// thrown; they are ``ContractFinding``s.
/// It keeps its cause: a ``Diagnostic`` (code, file, JSON pointer, line) and the underlying error.
public struct SpecGateError: DiagnosticError {
    public var diagnostic: Diagnostic
    /// The error this one reports (a `SpecLoadError`, a `RunError`), when there is one.
    public var underlying: (any Error & Sendable)?

    public init(_ message: String) {
        self.diagnostic = .error("library", message)
    }

    public init(_ error: SpecLoadError) {
        self.diagnostic = error.diagnostic
        self.underlying = error
    }

    public init(_ error: RunError) {
        self.diagnostic = error.diagnostic
        self.underlying = error
    }
}
