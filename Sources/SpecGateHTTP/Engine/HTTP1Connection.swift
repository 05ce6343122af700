import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 connection (TCP, optionally TLS, optionally through a proxy) carrying one exchange at a time.
struct HTTP1Connection: Sendable {
    let channel: any Channel
    /// The origin requests on this connection are for (the pool's key), not the proxy's.
    let origin: Origin
    /// How long connecting took (TCP, and the proxy tunnel when there is one).
    let connectDuration: Duration
    /// What ended the connection, when an error did.
    let fate: ConnectionFate

    /// Whether the connection can still carry a request: the peer has not closed it (NIO closes the
    /// channel when it reads EOF, so a FIN that has arrived makes this false).
    var isUsable: Bool { channel.isActive }

    /// Opens a connection to `origin`, directly or through `proxy`: an `http` origin through a proxy is
    /// spoken to in absolute form; an `https` one through a `CONNECT` tunnel, with TLS inside it.
    static func open(
        to origin: Origin, proxy: ProxyEndpoint?, tls: NIOSSLContext?, connectTimeout: Duration, deadline: NIODeadline,
        group: any EventLoopGroup
    ) async throws -> HTTP1Connection {
        let started = NIODeadline.now()
        let remaining = deadline - started
        let timeout = min(TimeAmount(connectTimeout), max(remaining, .milliseconds(1)))
        let tunnel = proxy != nil && origin.isTLS
        let tlsHostname: String? = origin.hostIsIPAddress ? nil : origin.host
        let address = proxy?.origin ?? origin
        let fate = ConnectionFate()
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if !tunnel {
                        try Self.addHTTPHandlers(
                            to: channel, tls: origin.isTLS ? tls : nil, hostname: tlsHostname, fate: fate)
                    }
                }
            }
            .connect(host: address.host, port: address.port).get()
        if tunnel, let proxy {
            do {
                try await ProxyTunnel.establish(on: channel, to: origin, proxy: proxy, deadline: deadline)
                try await channel.eventLoop.submit {
                    try Self.addHTTPHandlers(to: channel, tls: tls, hostname: tlsHostname, fate: fate)
                }.get()
            } catch {
                channel.close(promise: nil)
                throw error
            }
        }
        return HTTP1Connection(
            channel: channel, origin: origin, connectDuration: Duration(NIODeadline.now() - started), fate: fate)
    }

    private static func addHTTPHandlers(
        to channel: any Channel, tls: NIOSSLContext?, hostname: String?, fate: ConnectionFate
    ) throws {
        let operations = channel.pipeline.syncOperations
        if let tls {
            try operations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: hostname))
        }
        let counters = WireCounters()
        try operations.addHandler(WireHandler(counters: counters))
        try operations.addHandler(ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .dropBytes)))
        try operations.addHandler(ExchangeHandler(counters: counters, fate: fate))
    }

    /// Sends one request and waits for its whole response (or its failure). Never throws: a failure is
    /// a ``WireFailure``. Task cancellation closes the connection.
    /// `reused` says the connection comes from the pool: a request that cannot even be handed to it
    /// because it closed meanwhile is then a stale-connection failure.
    func exchange(
        head: HTTPRequestHead, body: ByteBuffer?, limit: Int, deadline: NIODeadline, reused: Bool
    ) async -> Result<WireResponse, WireFailure> {
        let promise = channel.eventLoop.makePromise(of: WireResponse.self)
        let request = WireRequest(head: head, body: body, limit: limit, deadline: deadline, promise: promise)
        let accepted = channel.eventLoop.makePromise(of: Void.self)
        // The exchange handler takes the request (and then always answers its promise) or the write
        // never reached it because the channel is gone.
        let fate = self.fate
        accepted.futureResult.whenFailure { error in
            if let cause = fate.cause {
                promise.fail(WireFailure(reason: .failed, underlying: cause, bytesReceived: 0))
            } else {
                promise.fail(
                    WireFailure(
                        reason: reused ? .staleConnection : .closed, underlying: SendableError(error), bytesReceived: 0)
                )
            }
        }
        channel.writeAndFlush(request, promise: accepted)
        let channel = self.channel
        return await withTaskCancellationHandler {
            do {
                return .success(try await promise.futureResult.get())
            } catch let failure as WireFailure {
                return .failure(failure)
            } catch {
                return .failure(WireFailure(reason: .failed, underlying: SendableError(error), bytesReceived: 0))
            }
        } onCancel: {
            channel.pipeline.fireUserInboundEventTriggered(CancelExchange())
        }
    }

    func close() {
        channel.close(promise: nil)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        self = nanos.overflow ? .nanoseconds(Int64.max) : .nanoseconds(nanos.partialValue + attoseconds / 1_000_000_000)
    }
}

extension Duration {
    init(_ amount: TimeAmount) {
        self = .nanoseconds(amount.nanoseconds)
    }
}
