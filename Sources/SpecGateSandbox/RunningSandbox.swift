import NIOCore

/// A started sandbox server. Stop it with `stop()`.
public struct RunningSandbox: Sendable {
    /// The port the server listens on (the chosen one when started with port 0).
    public let port: Int
    /// The host the server is bound to.
    public let host: String
    /// The data the server was seeded with (users, API keys, event types, bookings).
    public let seed: SandboxSeed
    /// The faults the server commits.
    public let faults: Set<SandboxFault>

    let serverChannel: any Channel
    let connections: ConnectionRegistry

    /// `http://host:port`, without a trailing slash.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Stops accepting connections, closes the open ones and waits until the listener is closed.
    public func stop() async throws {
        try await serverChannel.close()
        await connections.closeAll()
    }
}
