import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP server (127.0.0.1, port 0) that answers every request with the same status, content
/// type and body (e.g. a token endpoint that fails with 500 or answers HTML).
public struct CannedServer: Sendable {
    let channel: any Channel

    public var baseURL: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }

    public static func start(status: Int, contentType: String = "application/json", body: String) async throws
        -> CannedServer
    {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        Handler(status: status, contentType: contentType, body: body))
                }
            }
        return CannedServer(channel: try await bootstrap.bind(host: "127.0.0.1", port: 0).get())
    }

    public func stop() async throws { try await channel.close() }

    final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let status: Int
        let contentType: String
        let body: String

        init(status: Int, contentType: String, body: String) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .end = unwrapInboundIn(data) else { return }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: contentType)
            headers.add(name: "Content-Length", value: String(body.utf8.count))
            headers.add(name: "Connection", value: "close")
            let head = HTTPResponseHead(
                version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
        }
    }
}
