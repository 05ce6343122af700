import NIOCore
import NIOHTTP1

/// What the bytes on one connection did during the current exchange, shared by the two handlers of
/// the connection (both run on its event loop, so no lock is needed).
final class WireCounters {
    /// Response bytes read since the current request was written.
    var bytesSinceRequest = 0
    /// When the first of those bytes arrived.
    var firstByteAt: NIODeadline?

    func reset() {
        bytesSinceRequest = 0
        firstByteAt = nil
    }
}

/// The connection's byte-level handler, next to the socket (or TLS):
///
/// - outbound, it writes each request exactly as built: the request line, every header in its order and
///   case (duplicates included), the blank line and the body bytes. Nothing is added, removed, merged or
///   "corrected" here (NIO's own `HTTPRequestEncoder` adds `transfer-encoding: chunked` to some requests);
///   the transport adds `Host` and `Content-Length` before, and only where the case has none.
/// - inbound, it counts response bytes, so the exchange handler knows whether the server answered
///   anything before a connection died, and when the first byte came.
final class WireHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = HTTPClientRequestPart
    typealias OutboundOut = ByteBuffer

    private let counters: WireCounters

    init(counters: WireCounters) {
        self.counters = counters
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if counters.firstByteAt == nil, buffer.readableBytes > 0 { counters.firstByteAt = .now() }
        counters.bytesSinceRequest += buffer.readableBytes
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            var buffer = context.channel.allocator.buffer(capacity: 128 + head.uri.utf8.count + head.headers.count * 48)
            buffer.writeString(head.method.rawValue)
            buffer.writeStaticString(" ")
            buffer.writeString(head.uri)
            buffer.writeStaticString(head.version == .http1_0 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n")
            for (name, value) in head.headers {
                buffer.writeString(name)
                buffer.writeStaticString(": ")
                buffer.writeString(value)
                buffer.writeStaticString("\r\n")
            }
            buffer.writeStaticString("\r\n")
            context.write(wrapOutboundOut(buffer), promise: promise)
        case .body(.byteBuffer(let body)):
            context.write(wrapOutboundOut(body), promise: promise)
        case .body(.fileRegion):
            // The transport never sends files; refuse rather than guess.
            promise?.fail(ChannelError.operationUnsupported)
        case .end:
            // Bodies are framed by Content-Length; there is no chunked trailer to write.
            if let promise {
                context.write(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0)), promise: promise)
            }
        }
    }
}
