import NIOCore
import NIOHTTP1

/// How the sandbox treats a kept-alive connection after an answer. Real servers close connections
/// they are done with, without `Connection: close` first: HTTP/1.0-style servers after every answer,
/// uvicorn after every 500, many after an idle timeout. A client must not report those closes as the
/// server's faults; these behaviours let the tests (and users) check that it does not.
public enum SandboxConnectionBehaviour: Sendable, Hashable, CustomStringConvertible {
    /// Keep connections open (HTTP/1.1 keep-alive); the default.
    case keepAlive
    /// Close the connection after every answer, without `Connection: close`.
    case closeAfterEveryAnswer
    /// Close the connection after every 5xx answer only, without `Connection: close` (what uvicorn does).
    case closeAfterServerError
    /// Close a kept-alive connection after it has been idle for a random 20 to 200 ms.
    case dropWhenIdle
    /// Answer the first request of a connection only: when a second one arrives, close the connection
    /// without reading or answering it (a server that had closed it, seen from the client).
    case closeOnReuse

    /// The names `specgate sandbox --connection` takes.
    public static let names: [(String, SandboxConnectionBehaviour)] = [
        ("keep-alive", .keepAlive), ("close-always", .closeAfterEveryAnswer),
        ("close-after-5xx", .closeAfterServerError),
        ("drop-idle", .dropWhenIdle), ("close-on-reuse", .closeOnReuse),
    ]

    public init?(name: String) {
        guard let found = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = found.1
    }

    public var description: String { Self.names.first { $0.1 == self }?.0 ?? "keep-alive" }
}

/// Sits between NIO's HTTP server handlers and the sandbox's handler, watches each answer go out, and
/// closes the connection afterwards as its ``SandboxConnectionBehaviour`` says.
final class ConnectionBehaviourHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let behaviour: SandboxConnectionBehaviour
    private var status = 200
    private var idleTimer: Scheduled<Void>?
    private var random = SystemRandomNumberGenerator()
    private var requests = 0

    init(behaviour: SandboxConnectionBehaviour) {
        self.behaviour = behaviour
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            idleTimer?.cancel()
            idleTimer = nil
            requests += 1
        }
        if behaviour == .closeOnReuse, requests > 1 {
            context.close(promise: nil)
            return
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let head):
            status = Int(head.status.code)
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            let written = promise ?? context.eventLoop.makePromise()
            context.write(data, promise: written)
            let closeNow = behaviour == .closeAfterEveryAnswer || (behaviour == .closeAfterServerError && status >= 500)
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            let channel = context.channel
            if closeNow {
                written.futureResult.whenComplete { _ in channel.close(promise: nil) }
            } else if behaviour == .dropWhenIdle {
                let delay = TimeAmount.milliseconds(Int64.random(in: 20...200, using: &random))
                written.futureResult.whenComplete { _ in
                    bound.value.idleTimer?.cancel()
                    bound.value.idleTimer = channel.eventLoop.scheduleTask(in: delay) { channel.close(promise: nil) }
                }
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        idleTimer = nil
        context.fireChannelInactive()
    }
}
