import SpecGateCore

/// Why `specgate init` wrote nothing (exit 2), with its cause (see ``RunError``).
public struct InitError: DiagnosticError {
    public var diagnostic: Diagnostic
    public var underlying: (any Error & Sendable)?

    public init(_ message: String, code: String = "init") { self.diagnostic = .error(code, message) }

    public init(_ diagnostic: Diagnostic, underlying: (any Error & Sendable)? = nil) {
        self.diagnostic = diagnostic
        self.underlying = underlying
    }

    /// A spec that could not be loaded; `context` leads the message.
    public init(_ error: SpecLoadError, context: String? = nil) {
        self.init(error.diagnostic(context: context), underlying: error)
    }
}
