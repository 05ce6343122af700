import NIOCore
import NIOHTTP1
import NIOPosix

/// Error starting the sandbox (the address could not be bound).
public struct SandboxStartError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Starts the Cal.com-compatible sandbox server (Bookings API v2, 2024-08-13) on plain SwiftNIO.
public enum Sandbox {
    /// Binds the configured address and starts serving; returns once the server accepts connections.
    public static func start(_ configuration: SandboxConfiguration) async throws -> RunningSandbox {
        let seed = SandboxSeed.standard
        let api = BookingsAPI(configuration: configuration, seed: seed)
        let connections = ConnectionRegistry()
        let maxBodyBytes = configuration.maxBodyBytes
        let behaviour = configuration.connectionBehaviour
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                Task { await connections.register(channel) }
                channel.closeFuture.whenComplete { _ in Task { await connections.unregister(channel) } }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: true, withErrorHandling: true)
                    if behaviour != .keepAlive {
                        try channel.pipeline.syncOperations.addHandler(ConnectionBehaviourHandler(behaviour: behaviour))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        SandboxHTTPHandler(api: api, maxBodyBytes: maxBodyBytes))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        } catch {
            throw SandboxStartError(
                message: "cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw SandboxStartError(message: "the listening socket has no port")
        }
        return RunningSandbox(
            port: port, host: configuration.host, seed: seed, faults: configuration.faults, serverChannel: channel,
            connections: connections)
    }
}
