import SpecGateCore

/// A run ready to send: the loaded spec, the cases, the compiled checks and the secret masker.
public struct PreparedRun: Sendable {
    public var target: LoadedTarget
    public var baseURL: String
    public var operations: [Operation]
    /// Cases in sending order, each with the operation it exercises.
    public var cases: [(operation: Operation, testCase: TestCase)]
    public var checks: [any ResponseCheck]
    public var schemas: ResponseSchemas
    public var masker: SecretMasker
    /// Suite parameter names whose values are fixed (not generated).
    public var fixedParameters: Set<String>
    public var notes: [String]
    public var options: RunOptions

    public var suiteName: String { target.suite?.name ?? target.spec.title }
}
