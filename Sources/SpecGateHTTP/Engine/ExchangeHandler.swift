import NIOCore
import NIOHTTP1
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One request to write on a connection, and where its answer goes.
struct WireRequest: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
    /// Response bodies are cut at this many bytes (the connection is then closed, the rest never read).
    var limit: Int
    /// When the whole exchange, body included, must be over.
    var deadline: NIODeadline
    var promise: EventLoopPromise<WireResponse>
}

/// A complete (or deliberately cut) response, as read from the wire.
struct WireResponse: Sendable {
    var head: HTTPResponseHead
    var body: [UInt8]
    var truncated: Bool
    var bytesReceived: Int
    /// The connection may carry another request: the response ended cleanly, was not cut, and neither
    /// side asked to close (`Connection: close`, or HTTP/1.0 without keep-alive).
    var reusable: Bool
    var writtenAt: NIODeadline
    var firstByteAt: NIODeadline
    var finishedAt: NIODeadline
}

/// Why an exchange on a connection produced no response.
struct WireFailure: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable, Hashable {
        /// A kept-alive connection that had already carried an exchange died before a single byte of the
        /// answer came: the server closed an idle connection it was done with, so it never processed this
        /// request. Such a request is re-sent once on a fresh connection, whatever its method.
        case staleConnection
        /// The peer closed (or reset) the connection before the response was complete.
        case closed
        /// The whole-exchange deadline passed.
        case timeout
        /// The calling task was cancelled.
        case cancelled
        /// An error from the socket, TLS or the HTTP parser.
        case failed
    }

    var reason: Reason
    /// The underlying error, when there is one.
    var underlying: (any Error & Sendable)?
    /// Response bytes read before the failure.
    var bytesReceived: Int

    var description: String {
        switch reason {
        case .staleConnection:
            return "the server closed the kept-alive connection before answering"
        case .closed:
            let detail = underlying.map { ": \($0)" } ?? ""
            return bytesReceived == 0
                ? "the server closed the connection without answering\(detail)"
                : "the server closed the connection after \(bytesReceived) bytes, before the response was complete\(detail)"
        case .timeout:
            return "no complete response in time"
        case .cancelled:
            return "the task was cancelled"
        case .failed:
            return underlying.map { "\($0)" } ?? "I/O error"
        }
    }
}

/// The error that ended a connection (TLS, protocol), kept for a request that arrives after it died:
/// that request is failed with the cause, not with "closed".
final class ConnectionFate: Sendable {
    private let error = Mutex<SendableError?>(nil)

    var cause: SendableError? { error.withLock { $0 } }

    func record(_ cause: any Error) {
        let wrapped = SendableError(cause)
        guard !wrapped.connectionLoss else { return }
        error.withLock { if $0 == nil { $0 = wrapped } }
    }
}

/// Asks the exchange handler to give up on its request (task cancellation).
struct CancelExchange: Sendable {}

/// The last handler of a connection: takes one ``WireRequest`` at a time, collects its response on the
/// event loop (head, then body up to the limit), and fulfils the request's promise exactly once, with
/// the response or a ``WireFailure``. Nothing the server sends can trap here: every unexpected event
/// fails the exchange or closes the connection.
final class ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = WireRequest
    typealias OutboundOut = HTTPClientRequestPart

    private struct Pending {
        var promise: EventLoopPromise<WireResponse>
        var limit: Int
        var keepAliveRequested: Bool
        var head: HTTPResponseHead?
        var body: [UInt8] = []
        var received = 0
        var writtenAt: NIODeadline
        var timer: Scheduled<Void>?
    }

    private let counters: WireCounters
    private let fate: ConnectionFate
    private var pending: Pending?
    /// Exchanges this connection has completed; a connection with one or more is a reused one.
    private var completed = 0
    private var context: ChannelHandlerContext?

    init(counters: WireCounters, fate: ConnectionFate) {
        self.counters = counters
        self.fate = fate
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(.cancelled, underlying: nil)
        self.context = nil
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        guard pending == nil, context.channel.isActive else {
            if let cause = fate.cause {
                request.promise.fail(WireFailure(reason: .failed, underlying: cause, bytesReceived: 0))
            } else {
                request.promise.fail(
                    WireFailure(
                        reason: completed > 0 ? .staleConnection : .closed, underlying: ChannelError.ioOnClosedChannel,
                        bytesReceived: 0))
            }
            promise?.succeed(())
            return
        }
        counters.reset()
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let timer = context.eventLoop.scheduleTask(deadline: request.deadline) {
            bound.value.fail(.timeout, underlying: nil)
        }
        pending = Pending(
            promise: request.promise, limit: request.limit,
            keepAliveRequested: request.head.isKeepAlive, writtenAt: .now(), timer: timer)
        context.write(wrapOutboundOut(.head(request.head)), promise: nil)
        if let body = request.body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            // A write that fails because the connection went away is judged by what closed it
            // (errorCaught or channelInactive, which follow); any other write error fails the exchange.
            if Self.isConnectionLoss(error) {
                bound.value.context?.close(promise: nil)
            } else {
                bound.value.fail(.failed, underlying: error)
            }
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        promise?.succeed(())
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        guard var current = pending else {
            // Bytes nobody asked for: the connection cannot be trusted for another request.
            context.close(promise: nil)
            return
        }
        pending = nil
        switch part {
        case .head(let head):
            current.head = head
            pending = current
        case .body(let buffer):
            current.received += buffer.readableBytes
            let room = current.limit - current.body.count
            if buffer.readableBytes > room {
                current.body.append(contentsOf: buffer.readableBytesView.prefix(max(0, room)))
                finish(current, truncated: true, reusable: false)
            } else {
                current.body.append(contentsOf: buffer.readableBytesView)
                pending = current
            }
        case .end:
            let reusable = current.keepAliveRequested && (current.head?.isKeepAlive ?? false)
            finish(current, truncated: false, reusable: reusable)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fate.record(error)
        fail(.failed, underlying: error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closed, underlying: nil)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is CancelExchange {
            fail(.cancelled, underlying: nil)
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func finish(_ current: Pending, truncated: Bool, reusable: Bool) {
        current.timer?.cancel()
        completed += 1
        let now = NIODeadline.now()
        guard let head = current.head else {
            fail(current, .failed, underlying: ChannelError.inappropriateOperationForState)
            return
        }
        current.promise.succeed(
            WireResponse(
                head: head, body: current.body, truncated: truncated, bytesReceived: current.received,
                reusable: reusable,
                writtenAt: current.writtenAt, firstByteAt: counters.firstByteAt ?? now, finishedAt: now))
        if !reusable { context?.close(promise: nil) }
    }

    /// Fails the pending exchange, if any, and closes the connection.
    private func fail(_ reason: WireFailure.Reason, underlying: (any Error)?) {
        guard let current = pending else { return }
        pending = nil
        fail(current, reason, underlying: underlying)
        context?.close(promise: nil)
    }

    private func fail(_ current: Pending, _ reason: WireFailure.Reason, underlying: (any Error)?) {
        current.timer?.cancel()
        var reason = reason
        let nothingArrived = counters.bytesSinceRequest == 0 && current.head == nil
        if nothingArrived, completed > 0, reason == .closed || (reason == .failed && Self.isConnectionLoss(underlying))
        {
            reason = .staleConnection
        } else if reason == .failed, Self.isConnectionLoss(underlying) {
            reason = .closed
        }
        current.promise.fail(
            WireFailure(
                reason: reason, underlying: underlying.map(SendableError.init),
                bytesReceived: counters.bytesSinceRequest))
    }

    /// Errors that mean the peer went away (reset, broken pipe, EOF), as opposed to a protocol or TLS error.
    static func isConnectionLoss(_ error: (any Error)?) -> Bool {
        switch error {
        case let error as IOError:
            return [ECONNRESET, EPIPE, ECONNABORTED].contains(error.errnoCode)
        case let error as ChannelError:
            switch error {
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed: return true
            default: return false
            }
        default:
            return false
        }
    }
}

/// An error carried across threads as its description and classification, whatever its type.
struct SendableError: Error, Sendable, CustomStringConvertible {
    let description: String
    let kind: TransportError.Kind
    let connectionLoss: Bool

    init(_ error: any Error) {
        if let already = error as? SendableError {
            self = already
            return
        }
        description = String(describing: error)
        kind = TransportErrorClassifier.kind(of: error)
        connectionLoss = ExchangeHandler.isConnectionLoss(error)
    }
}
