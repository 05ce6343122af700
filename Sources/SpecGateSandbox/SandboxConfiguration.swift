/// How to start a sandbox: where to listen and which faults to commit.
public struct SandboxConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host: String
    /// Port to bind; 0 picks a free port (see `RunningSandbox.port`).
    public var port: Int
    /// Faults to commit; empty means a conformant server.
    public var faults: Set<SandboxFault>
    /// Delay added to every response while `slow_responses` is on.
    public var slowDelay: Duration
    /// Largest accepted request body; larger bodies are answered 413.
    public var maxBodyBytes: Int
    /// What happens to a kept-alive connection after an answer (keep it, by default).
    public var connectionBehaviour: SandboxConnectionBehaviour
    /// How a method a served path does not route is answered: Express's 404 (Cal.com's behaviour, the default)
    /// or RFC 9110's 405 with `Allow` (a conformant non-Cal.com server, for suites that enable `unsupported_method`).
    public var unroutedMethod: SandboxUnroutedMethod = .notFound
    /// How long an access token from the test-only token endpoint (`SandboxTestTokens`) is accepted.
    public var tokenLifetime: Duration = .seconds(3600)

    /// A configuration; the defaults give a conformant server on a free loopback port.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        faults: Set<SandboxFault> = [],
        slowDelay: Duration = .milliseconds(1500),
        maxBodyBytes: Int = 1 << 20,
        connectionBehaviour: SandboxConnectionBehaviour = .keepAlive
    ) {
        self.connectionBehaviour = connectionBehaviour
        self.host = host
        self.port = port
        self.faults = faults
        self.slowDelay = slowDelay
        self.maxBodyBytes = maxBodyBytes
    }

    /// True when `fault` is switched on.
    public func has(_ fault: SandboxFault) -> Bool { faults.contains(fault) }
}

/// How the sandbox answers a method that a path it serves does not route (`specgate sandbox --unrouted-method`).
public enum SandboxUnroutedMethod: String, Sendable, CaseIterable {
    /// 404 "Cannot PATCH /v2/bookings", as NestJS on Express (and so Cal.com API v2) answers.
    case notFound = "404"
    /// 405 Method Not Allowed with `Allow` listing the path's methods (RFC 9110 §15.5.6); not Cal.com's behaviour.
    case methodNotAllowed = "405"
}
