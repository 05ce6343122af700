import NIOCore

/// Opens a `CONNECT` tunnel through an HTTP proxy (RFC 9110 §9.3.6): sends `CONNECT host:port`, reads the
/// proxy's answer head, and succeeds on a 2xx. The proxy's answer is read by a temporary handler that is
/// removed afterwards, so TLS and HTTP to the origin start on a clean byte stream.
enum ProxyTunnel {
    /// The proxy refused or broke the tunnel.
    struct Refused: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    static func establish(on channel: any Channel, to origin: Origin, proxy: ProxyEndpoint, deadline: NIODeadline)
        async throws
    {
        let promise = channel.eventLoop.makePromise(of: Void.self)
        try await channel.eventLoop.submit {
            let handler = ConnectResponseHandler(promise: promise)
            try channel.pipeline.syncOperations.addHandler(handler, name: ConnectResponseHandler.name)
            var request = "CONNECT \(origin.hostAndPort) HTTP/1.1\r\nHost: \(origin.hostAndPort)\r\n"
            if let authorization = proxy.authorization { request += "Proxy-Authorization: \(authorization)\r\n" }
            request += "\r\n"
            channel.writeAndFlush(channel.allocator.buffer(string: request), promise: nil)
            let timeout = channel.eventLoop.scheduleTask(deadline: deadline) {
                promise.fail(Refused(description: "proxy \(proxy.origin.authority): no answer to CONNECT in time"))
            }
            promise.futureResult.whenComplete { _ in timeout.cancel() }
        }.get()
        do {
            try await promise.futureResult.get()
        } catch {
            throw error
        }
        try await channel.pipeline.removeHandler(name: ConnectResponseHandler.name).get()
    }
}

/// Reads the proxy's answer to `CONNECT` (up to 16 KiB of head) and fulfils the promise.
private final class ConnectResponseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    static let name = "specgate-connect-response"
    private var buffer: [UInt8] = []
    private var promise: EventLoopPromise<Void>?

    init(promise: EventLoopPromise<Void>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        buffer.append(contentsOf: unwrapInboundIn(data).readableBytesView)
        guard let end = headEnd() else {
            if buffer.count > 16 << 10 {
                complete(refused: "the proxy's answer to CONNECT has no end of head in 16 KiB")
            }
            return
        }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        let statusLine = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let fields = statusLine.split(separator: " ", maxSplits: 2)
        guard fields.count >= 2, fields[0].hasPrefix("HTTP/1."), let status = Int(fields[1]) else {
            complete(refused: "the proxy's answer to CONNECT is not HTTP: \(statusLine.prefix(80))")
            return
        }
        guard (200..<300).contains(status) else {
            complete(refused: "the proxy refused CONNECT: \(statusLine.prefix(120))")
            return
        }
        if end + 4 < buffer.count {
            complete(refused: "the proxy sent bytes after its answer to CONNECT, before TLS started")
            return
        }
        promise?.succeed(())
        promise = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        complete(refused: "the proxy closed the connection during CONNECT")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise?.fail(error)
        promise = nil
        context.close(promise: nil)
    }

    private func complete(refused why: String) {
        promise?.fail(ProxyTunnel.Refused(description: why))
        promise = nil
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}
