import SpecGateCore

/// Why a run could not start (exit 2): usage or spec problems, never contract violations. It keeps
/// its cause: a ``Diagnostic`` (code, file, JSON pointer, line) and the underlying error, if any.
public struct RunError: DiagnosticError {
    public var diagnostic: Diagnostic
    /// The error this one reports (a ``SpecLoadError``, a transport error, …).
    public var underlying: (any Error & Sendable)?

    public init(_ message: String, code: String = "run.setup") {
        self.diagnostic = .error(code, message)
    }

    public init(_ diagnostic: Diagnostic, underlying: (any Error & Sendable)? = nil) {
        self.diagnostic = diagnostic
        self.underlying = underlying
    }

    /// A spec that could not be loaded; `context` (e.g. `--changed-since`) leads the message.
    public init(_ error: SpecLoadError, context: String? = nil) {
        self.init(error.diagnostic(context: context), underlying: error)
    }
}
