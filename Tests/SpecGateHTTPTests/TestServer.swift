import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// What the test server saw.
struct ServerState: Sendable {
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    var requests: [Request] = []
    var inFlight = 0
    var maxInFlight = 0
    var hits: [String: Int] = [:]
}

/// An in-process HTTP/1.1 server on 127.0.0.1 (port 0) whose behaviour is chosen by the request path:
///
/// - `/status/<code>`: that status.
/// - `/slow/<ms>`: 200 after a delay (in-flight requests are counted).
/// - `/hang`: never answers.
/// - `/big/<bytes>`: a body of that many bytes, streamed in 64 KiB chunks.
/// - `/retry-after/<n>`: the first n hits get 429 with `Retry-After: 0`, then 200.
/// - `/retry-after-date/<n>`: like `retry-after`, with a past HTTP-date; `/unavailable/<n>`: 503 likewise.
/// - `/reset/<n>`: the first n hits close the connection without answering, then 200.
/// - `/redirect/<k>`: 302 to `/redirect/<k+1>` (an endless chain); `/redirect-once`: 302 to `/echo/redirected`.
/// - anything else: 200 echoing the body, with `X-Method`, `X-URI` and `X-Echo-<name>` for each request header.
struct TestServer: Sendable {
    let channel: any Channel
    let state: NIOLockedValueBox<ServerState>

    var port: Int { channel.localAddress?.port ?? 0 }
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var httpsBaseURL: String { "https://127.0.0.1:\(port)" }
    var snapshot: ServerState { state.withLockedValue { $0 } }

    /// Starts the server; with `tls`, it speaks HTTPS.
    static func start(tls: NIOSSLContext? = nil) async throws -> TestServer {
        let state = NIOLockedValueBox(ServerState())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(TestHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestServer(channel: channel, state: state)
    }

    func stop() async {
        try? await channel.close()
    }

    /// Polls until `condition` holds for the state (up to ~10 s); returns whether it did.
    func wait(until condition: (ServerState) -> Bool) async -> Bool {
        for _ in 0..<1000 {
            if condition(snapshot) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(snapshot)
    }
}

/// A port that was just listening and is now closed (connection refused).
func closedPort() async throws -> Int {
    let server = try await TestServer.start()
    let port = server.port
    await server.stop()
    return port
}

private final class TestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: NIOLockedValueBox<ServerState>
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var pending = false

    init(state: NIOLockedValueBox<ServerState>) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            pending = true
            state.withLockedValue {
                $0.inFlight += 1
                $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
            }
        case .body(let buffer):
            body += buffer.readableBytesView
        case .end:
            guard let head else { return }
            route(head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finished()
        context.fireChannelInactive()
    }

    private func finished() {
        guard pending else { return }
        pending = false
        state.withLockedValue { $0.inFlight -= 1 }
    }

    private func route(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = String(head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let parts = path.split(separator: "/").map(String.init)
        let hits = state.withLockedValue { state -> Int in
            state.requests.append(
                .init(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                    body: body))
            state.hits[path, default: 0] += 1
            return state.hits[path, default: 0]
        }
        let number = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        switch parts.first {
        case "status":
            respond(context, status: .init(statusCode: number), body: Array("status \(number)".utf8))
        case "slow":
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(number))) {
                self.respond(context, status: .ok, body: Array("slow".utf8))
            }
        case "hang":
            break
        case "big":
            streamBig(context, bytes: number)
        case "retry-after" where hits <= number:
            respond(context, status: .tooManyRequests, headers: [("Retry-After", "0")], body: [])
        case "retry-after-date" where hits <= number:
            respond(
                context, status: .tooManyRequests, headers: [("Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT")], body: []
            )
        case "unavailable" where hits <= number:
            respond(context, status: .serviceUnavailable, headers: [("Retry-After", "0")], body: [])
        case "reset" where hits <= number:
            finished()
            context.close(promise: nil)
        case "redirect":
            respond(context, status: .found, headers: [("Location", "/redirect/\(number + 1)")], body: [])
        case "redirect-once":
            respond(context, status: .found, headers: [("Location", "/echo/redirected")], body: [])
        default:
            var headers = [("X-Method", head.method.rawValue), ("X-URI", head.uri)]
            headers += head.headers.map { ("X-Echo-\($0.name)", $0.value) }
            respond(context, status: .ok, headers: headers, body: body)
        }
    }

    private func respond(
        _ context: ChannelHandlerContext, status: HTTPResponseStatus, headers: [(String, String)] = [], body: [UInt8]
    ) {
        var fields = HTTPHeaders(headers)
        fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: fields))), promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        finished()
    }

    private func streamBig(_ context: ChannelHandlerContext, bytes: Int) {
        let fields = HTTPHeaders([("Content-Length", String(bytes))])
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: fields))), promise: nil)
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 << 10)
        var sent = 0
        while sent < bytes, context.channel.isActive {
            let size = min(chunk.readableBytes, bytes - sent)
            context.writeAndFlush(
                wrapOutboundOut(.body(.byteBuffer(chunk.getSlice(at: 0, length: size) ?? chunk))), promise: nil)
            sent += size
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        finished()
    }
}
