import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP server (127.0.0.1, port 0) that echoes the request's `Authorization` header back in
/// every answer, the way a careless API does: in a response header, in the `status` field of a JSON body
/// (where the schema has an enum, so checks quote it), across the clip of a quoted value, and across
/// byte 2048 of the body (where reports cut response excerpts). Answers 200 to everything.
struct EchoServer: Sendable {
    let channel: any Channel

    var baseURL: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }

    /// Where in the body the last echo starts: its key crosses the excerpt limit (2048 bytes), so the cut
    /// falls inside it.
    static let straddleOffset = 2020
    /// Where in `data` (compact JSON) the first echo starts: its key crosses the 200 characters at which
    /// schema violations clip the value they quote.
    static let clipOffset = 185

    static func start() async throws -> EchoServer {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler())
                }
            }
        return EchoServer(channel: try await bootstrap.bind(host: "127.0.0.1", port: 0).get())
    }

    func stop() async throws { try await channel.close() }

    /// The body echoing `credential`.
    static func body(echoing credential: String) -> String {
        let status = #"{"status":""# + credential + #"","data":"#
        let first = #"{"a":""#
        let second = #"","echo":""#
        let pad1 = String(repeating: "x", count: max(0, clipOffset - first.count - second.count))
        let head = status + first + pad1 + second + credential + #"","pad":""#
        let tail = #"","echo2":""#
        let pad2 = String(repeating: "y", count: max(0, straddleOffset - head.utf8.count - tail.utf8.count))
        return head + pad2 + tail + credential + #""}}"#
    }

    final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            let credential = head.headers.first(name: "authorization") ?? "none"
            let body = EchoServer.body(echoing: credential)
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(body.utf8.count))
            headers.add(name: "X-Echo", value: credential)
            headers.add(name: "Connection", value: "close")
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))),
                promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
        }
    }
}
