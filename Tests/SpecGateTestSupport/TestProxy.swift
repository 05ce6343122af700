import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// What the test proxy saw.
public struct ProxyLog: Sendable {
    /// First line of each proxied connection: `CONNECT host:port HTTP/1.1` or `GET http://… HTTP/1.1`.
    public var requestLines: [String] = []
    /// `Proxy-Authorization` values received.
    public var authorizations: [String] = []
}

/// A forward proxy on 127.0.0.1 (port 0) for the tests: absolute-form requests and `CONNECT` tunnels.
/// Whatever host a request names, the proxy connects to 127.0.0.1 on the request's port, so a target
/// host that does not resolve (`*.invalid`) is reachable only through it. After the first request head
/// it relays bytes both ways unchanged.
public struct TestProxy: Sendable {
    let channel: any Channel
    let log: NIOLockedValueBox<ProxyLog>

    public var port: Int { channel.localAddress?.port ?? 0 }
    public var url: String { "http://127.0.0.1:\(port)" }
    public var snapshot: ProxyLog { log.withLockedValue { $0 } }

    public static func start() async throws -> TestProxy {
        let log = NIOLockedValueBox(ProxyLog())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ProxyFrontHandler(log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestProxy(channel: channel, log: log)
    }

    public func stop() async {
        try? await channel.close()
    }
}

/// The client side of one proxied connection.
private final class ProxyFrontHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let log: NIOLockedValueBox<ProxyLog>
    private var head: [UInt8] = []
    private var upstream: (any Channel)?
    private var queued: [ByteBuffer] = []
    private var connecting = false

    init(log: NIOLockedValueBox<ProxyLog>) {
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if let upstream {
            upstream.writeAndFlush(Self.originForm(buffer, allocator: context.channel.allocator), promise: nil)
            return
        }
        if connecting {
            queued.append(buffer)
            return
        }
        head.append(contentsOf: buffer.readableBytesView)
        guard let end = Self.headEnd(head) else { return }
        let text = String(decoding: head[..<end], as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.first ?? ""
        let authorization = lines.first { $0.lowercased().hasPrefix("proxy-authorization:") }
            .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
        log.withLockedValue { log in
            log.requestLines.append(requestLine)
            if let authorization { log.authorizations.append(authorization) }
        }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3 else {
            context.close(promise: nil)
            return
        }
        let isConnect = parts[0] == "CONNECT"
        let target = String(parts[1])
        let authority =
            isConnect
            ? target
            : (target.components(separatedBy: "://").dropFirst().first?.split(separator: "/").first.map(String.init)
                ?? "")
        guard let portText = authority.split(separator: ":").last, let port = Int(portText) else {
            context.close(promise: nil)
            return
        }
        connecting = true
        let client = context.channel
        let forward =
            isConnect
            ? nil : Self.originForm(context.channel.allocator.buffer(bytes: head), allocator: context.channel.allocator)
        head = []
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop)
            .channelInitializer { upstream in
                upstream.eventLoop.makeCompletedFuture {
                    try upstream.pipeline.syncOperations.addHandler(ProxyBackHandler(client: client))
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .whenComplete { result in
                switch result {
                case .success(let upstream):
                    bound.value.upstream = upstream
                    bound.value.connecting = false
                    if isConnect {
                        client.writeAndFlush(
                            client.allocator.buffer(string: "HTTP/1.1 200 Connection established\r\n\r\n"), promise: nil
                        )
                    } else if let forward {
                        upstream.writeAndFlush(forward, promise: nil)
                    }
                    for buffer in bound.value.queued { upstream.writeAndFlush(buffer, promise: nil) }
                    bound.value.queued = []
                    upstream.closeFuture.whenComplete { _ in client.close(promise: nil) }
                case .failure:
                    client.writeAndFlush(
                        client.allocator.buffer(string: "HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")
                    )
                    .whenComplete { _ in client.close(promise: nil) }
                }
            }
    }

    func channelInactive(context: ChannelHandlerContext) {
        upstream?.close(promise: nil)
        context.fireChannelInactive()
    }

    /// A proxy speaks origin-form to the origin (RFC 9112 §3.2.1): `GET http://host:port/p HTTP/1.1` at the
    /// start of a request becomes `GET /p HTTP/1.1`. Requests are not pipelined here, so each starts a read.
    private static func originForm(_ buffer: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        let bytes = Array(buffer.readableBytesView)
        guard let space = bytes.firstIndex(of: 32), space < 16,
            bytes[(space + 1)...].starts(with: Array("http://".utf8))
        else { return buffer }
        let afterScheme = space + 1 + 7
        let pathStart = bytes[afterScheme...].firstIndex { $0 == UInt8(ascii: "/") || $0 == 32 } ?? bytes.count
        var rewritten = Array(bytes[...space])
        if pathStart < bytes.count, bytes[pathStart] == 32 { rewritten.append(UInt8(ascii: "/")) }
        rewritten += bytes[pathStart...]
        return allocator.buffer(bytes: rewritten)
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4)
        where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i + 4
        }
        return nil
    }
}

/// The origin side: everything the origin sends goes back to the client.
private final class ProxyBackHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let client: any Channel

    init(client: any Channel) {
        self.client = client
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        client.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }
}
