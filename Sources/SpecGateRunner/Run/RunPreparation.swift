import SpecGateCore
import SpecGateJSON

/// load → plan → generate: everything before the first request. Throws `RunError` (exit 2) when the
/// run cannot start.
public enum RunPreparation {
    public static func prepare(_ options: RunOptions) throws(RunError) -> PreparedRun {
        let target: LoadedTarget
        do {
            target = try Workspace.load(path: options.path)
        } catch {
            throw RunError(error.description)
        }
        let suite = target.suite
        guard let baseURL = options.baseURL ?? suite?.baseURL ?? target.spec.servers.first else {
            throw RunError("no base URL: pass --base-url or set baseURL in the suite")
        }
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw RunError("base URL \(baseURL) must start with http:// or https://")
        }

        var masker = SecretMasker()
        var credential: Credential?
        if let auth = suite?.auth {
            let env = auth.env
            guard let secret = options.environment[env], !secret.isEmpty else {
                throw RunError("the suite takes its credential from $\(env), which is not set")
            }
            masker.add(.init(value: secret, placeholder: "$" + env))
            let scheme: String? = auth.type == .bearer ? "Bearer" : auth.type == .basic ? "Basic" : nil
            credential = Credential(
                header: auth.header ?? "Authorization", scheme: scheme, secret: secret, envVar: env, prefix: auth.prefix)
        }
        for name in suite?.secrets ?? [] {
            if let value = options.environment[name], !value.isEmpty {
                masker.add(.init(value: value, placeholder: "$" + name))
            } else {
                masker.sensitiveHeaders.insert(name.lowercased())
            }
        }

        var operations = target.spec.operations
        if !options.operations.isEmpty {
            operations = operations.filter { op in
                options.operations.contains { $0 == op.id || $0 == op.operationId || $0 == op.displayName }
            }
            if operations.isEmpty {
                throw RunError("no operation matches --operation \(options.operations.joined(separator: ", "))")
            }
        }

        let checks: [any ResponseCheck]
        do {
            checks = try CheckCatalog.select(names: options.checks, budgetMilliseconds: options.maxResponseTimeMilliseconds)
        } catch {
            throw RunError(error.description)
        }

        let parameters = suite?.parameters ?? [:]
        let generation = GenerationOptions(
            seed: options.seed, maxCasesPerOperation: options.maxCasesPerOperation, includeInvalid: options.includeInvalid,
            fixedHeaders: (suite?.headers ?? []).map { ($0.name, $0.value) }, credential: credential,
            parameterValues: parameters)
        let generator = CaseGenerator(spec: target.spec, options: generation)
        var cases: [(operation: Operation, testCase: TestCase)] = []
        var notes: [String] = []
        for operation in operations {
            let set = generator.generate(for: operation)
            cases += set.cases.map { (operation, $0) }
            notes += set.findings.map { "\(operation.id): \($0)" }
        }
        notes += target.overlayWarnings.map { "overlay: \($0)" }
        return PreparedRun(
            target: target, baseURL: baseURL, operations: operations, cases: cases, checks: checks,
            schemas: ResponseSchemas(spec: target.spec, operations: operations), masker: masker,
            fixedParameters: Set(parameters.keys.map { $0.split(separator: ".").last.map(String.init) ?? $0 }),
            notes: notes, options: options)
    }
}
