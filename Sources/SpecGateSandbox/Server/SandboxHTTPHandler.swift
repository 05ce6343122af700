import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects one HTTP request (head, body up to the limit, end), hands it to the API off the
/// event loop, and writes the answer back — normally, or with a transport fault.
///
/// The handler lives on its channel's event loop; the asynchronous API call comes back to it
/// through `NIOLoopBound`.
final class SandboxHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let api: BookingsAPI
    private let maxBodyBytes: Int
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyTooLarge = false
    private var headersTooLarge = false

    /// Largest total size of header names and values accepted (answered 431 beyond).
    static let maxHeaderBytes = 64 * 1024

    init(api: BookingsAPI, maxBodyBytes: Int) {
        self.api = api
        self.maxBodyBytes = maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            bodyTooLarge = false
            headersTooLarge =
                head.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
                > SandboxHTTPHandler.maxHeaderBytes
            if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > maxBodyBytes {
                bodyTooLarge = true
            }
        case .body(var buffer):
            guard !bodyTooLarge else { return }
            if body.count + buffer.readableBytes > maxBodyBytes {
                bodyTooLarge = true
                body = []
            } else if let bytes = buffer.readBytes(length: buffer.readableBytes) {
                body += bytes
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let request = SandboxRequest(
                method: head.method.rawValue, target: head.uri,
                headers: head.headers.map { (name: $0.name, value: $0.value) }, body: body)
            body = []
            let keepAlive = head.isKeepAlive
            let version = head.version
            let api = self.api
            let rejection: APIError? =
                headersTooLarge
                ? .headersTooLarge(limit: SandboxHTTPHandler.maxHeaderBytes)
                : bodyTooLarge ? .payloadTooLarge(limit: maxBodyBytes) : nil
            let promise = context.eventLoop.makePromise(of: SandboxResponse.self)
            promise.completeWithTask {
                if let rejection { return await api.respond(to: request, with: rejection) }
                return await api.respond(to: request)
            }
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            promise.futureResult.whenSuccess { response in
                let (handler, context) = bound.value
                handler.write(response, version: version, keepAlive: keepAlive, context: context)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func write(
        _ response: SandboxResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext
    ) {
        guard context.channel.isActive else { return }
        let keepAlive = keepAlive && !response.closeConnection && response.delivery == .normal
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        switch response.delivery {
        case .normal, .stall:
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        case .truncate:
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count + 512))
        case .resetMidBody:
            headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
        }
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(
            version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        switch response.delivery {
        case .normal:
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            let done = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
            if !keepAlive {
                let channel = context.channel
                done.futureResult.whenComplete { _ in channel.close(promise: nil) }
            }
        case .stall:
            context.flush()
        case .truncate:
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))))
                .whenComplete { _ in channel.close(promise: nil) }
        case .resetMidBody:
            let half = Array(response.body.prefix(max(1, response.body.count / 2)))
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: half)))))
                .whenComplete { _ in
                    // SO_LINGER 0 makes close() send a TCP reset instead of an orderly FIN.
                    guard let provider = channel as? any SocketOptionProvider else {
                        channel.close(promise: nil)
                        return
                    }
                    provider.setSoLinger(linger(l_onoff: 1, l_linger: 0))
                        .whenComplete { _ in channel.close(promise: nil) }
                }
        }
    }
}
