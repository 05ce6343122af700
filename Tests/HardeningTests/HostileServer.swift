import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// A raw-socket HTTP server on 127.0.0.1 (port 0) that breaks HTTP on purpose: it parses just enough of
/// each request (request line, headers, a `Content-Length` body) and writes raw bytes back. One
/// behaviour per path (the query is ignored):
///
/// - `/reset`: status line, headers and a third of the promised body, then a TCP reset (SO_LINGER 0).
/// - `/hang`: status line and headers, then nothing ever again.
/// - `/truncated`: `Content-Length: 1000`, 20 bytes, then an orderly close.
/// - `/huge`: a 50 MB `application/json` body, written chunk by chunk only as the peer accepts it; the
///   bytes the peer accepted are counted (``HostileServer/State/hugeBytesDelivered``).
/// - `/bad-utf8`: a JSON content type and a body with invalid UTF-8 (`C0 AF`) inside a string.
/// - `/not-json`: `application/json` with an HTML body.
/// - `/control-headers`: a valid JSON response with a `\x01` and a bare CR inside header values.
/// - `/redirect`: `302` with `Location: /redirect` (a loop to itself).
/// - `/drip`: `Content-Length: 100`, then one body byte per second.
/// - `/echo-auth`: `200` with the request's `Authorization` echoed in a header and in the JSON body.
/// - `/post-hang`: never answers (for counting arrivals of a POST that times out).
/// - `/huge-headers`: a status line, then 50 MB of `X-Pad` header lines that never end (counted like `/huge`
///   in ``HostileServer/State/hugeHeaderBytesDelivered``).
/// - `/ok`: a valid `{"id": 1}` response.
/// Anything else: `404` with an empty JSON object.
struct HostileServer: Sendable {
    /// What the server saw.
    struct State: Sendable {
        /// Requests fully received, as `"METHOD /path"`, in order.
        var arrivals: [String] = []
        /// Body bytes of `/huge` responses the peer accepted (written to its socket).
        var hugeBytesDelivered = 0
        /// How many `/huge` responses were written to the end.
        var hugeCompleted = 0
        /// Header bytes of `/huge-headers` responses the peer accepted.
        var hugeHeaderBytesDelivered = 0

        /// How many times `method path` arrived.
        func count(_ method: String, _ path: String) -> Int {
            arrivals.filter { $0 == method + " " + path }.count
        }
    }

    /// Size of the `/huge` body.
    static let hugeSize = 50 << 20

    let channel: any Channel
    let state: NIOLockedValueBox<State>

    var port: Int { channel.localAddress?.port ?? 0 }
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var snapshot: State { state.withLockedValue { $0 } }

    static func start() async throws -> HostileServer {
        let state = NIOLockedValueBox(State())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(HostileHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return HostileServer(channel: channel, state: state)
    }

    func stop() async {
        try? await channel.close()
    }

    /// A port that was just listening and is now closed (connection refused).
    static func closedPort() async throws -> Int {
        let server = try await start()
        let port = server.port
        await server.stop()
        return port
    }
}

private final class HostileHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let state: NIOLockedValueBox<HostileServer.State>
    private var received: [UInt8] = []

    init(state: NIOLockedValueBox<HostileServer.State>) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += unwrapInboundIn(data).readableBytesView
        while let request = takeRequest() {
            state.withLockedValue { $0.arrivals.append(request.method + " " + request.path) }
            respond(to: request, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// One complete request from the bytes received so far, removed from the buffer.
    private func takeRequest() -> (method: String, path: String, authorization: String)? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard let end = received.indices.first(where: { received[$0...].starts(with: terminator) }) else { return nil }
        let head = String(decoding: received[..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var length = 0
        var authorization = ""
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { length = Int(value) ?? 0 }
            if name == "authorization" { authorization = value }
        }
        let total = end + terminator.count + length
        guard received.count >= total else { return nil }
        received.removeFirst(total)
        let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
        let path = String(target.split(separator: "?", omittingEmptySubsequences: false).first ?? "")
        return (requestLine.first.map(String.init) ?? "", path, authorization)
    }

    private func write(_ context: ChannelHandlerContext, _ bytes: [UInt8]) -> EventLoopFuture<Void> {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)))
    }

    private func head(_ status: String, _ headers: [String], length: Int) -> [UInt8] {
        Array(
            ("HTTP/1.1 \(status)\r\n" + (headers + ["Content-Length: \(length)"]).map { $0 + "\r\n" }.joined() + "\r\n")
                .utf8)
    }

    private func respond(
        to request: (method: String, path: String, authorization: String), context: ChannelHandlerContext
    ) {
        let json = "Content-Type: application/json"
        let channel = context.channel
        switch request.path {
        case "/reset":
            let body = Array(#"{"id": 1, "padding": ""#.utf8)
            _ = write(context, head("200 OK", [json], length: 300) + body).always { _ in
                guard let provider = channel as? any SocketOptionProvider else { return channel.close(promise: nil) }
                // SO_LINGER 0: close() sends a TCP reset instead of a FIN.
                provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
            }
        case "/hang":
            _ = write(context, head("200 OK", [json], length: 10))
        case "/post-hang":
            break
        case "/truncated":
            _ = write(context, head("200 OK", [json], length: 1000) + Array(#"{"id": 1, "a": "#.utf8)).always { _ in
                channel.close(promise: nil)
            }
        case "/huge":
            _ = write(context, head("200 OK", [json], length: HostileServer.hugeSize))
            streamHuge(context, sent: 0, chunk: ByteBuffer(repeating: UInt8(ascii: " "), count: 64 << 10)) {
                $0.hugeBytesDelivered += $1
            }
        case "/huge-headers":
            _ = write(context, Array("HTTP/1.1 200 OK\r\n".utf8))
            let line = "X-Pad: " + String(repeating: "a", count: 1014) + "\r\n"
            streamHuge(context, sent: 0, chunk: ByteBuffer(string: String(repeating: line, count: 64))) {
                $0.hugeHeaderBytesDelivered += $1
            }
        case "/bad-utf8":
            let body = Array(#"{"id": 1, "name": ""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8)
            _ = write(context, head("200 OK", [json], length: body.count) + body)
        case "/not-json":
            let body = Array("<html><body>502 Bad Gateway</body></html>".utf8)
            _ = write(context, head("200 OK", [json], length: body.count) + body)
        case "/control-headers":
            let body = Array(#"{"id": 1}"#.utf8)
            let raw =
                Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Control: a".utf8) + [0x01]
                + Array("b\r\nX-Bare-CR: c\rd\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
            _ = write(context, raw)
        case "/redirect":
            _ = write(context, head("302 Found", ["Location: /redirect", json], length: 2) + Array("{}".utf8))
        case "/drip":
            _ = write(context, head("200 OK", [json], length: 100))
            drip(context, left: 100)
        case "/echo-auth":
            let body = Array(#"{"echo": "\#(request.authorization)"}"#.utf8)
            _ = write(
                context,
                head("200 OK", [json, "X-Echo-Authorization: \(request.authorization)"], length: body.count) + body)
        case "/ok":
            let body = Array(#"{"id": 1}"#.utf8)
            _ = write(context, head("200 OK", [json], length: body.count) + body)
        default:
            _ = write(context, head("404 Not Found", [json], length: 2) + Array("{}".utf8))
        }
    }

    /// Writes 50 MB as repeated `chunk`s, the next one only when the previous one reached the socket;
    /// `count` records each delivered chunk.
    private func streamHuge(
        _ context: ChannelHandlerContext, sent: Int, chunk: ByteBuffer,
        count: @escaping @Sendable (inout HostileServer.State, Int) -> Void
    ) {
        guard sent < HostileServer.hugeSize else {
            state.withLockedValue { $0.hugeCompleted += 1 }
            return
        }
        let size = min(chunk.readableBytes, HostileServer.hugeSize - sent)
        context.writeAndFlush(wrapOutboundOut(chunk.getSlice(at: chunk.readerIndex, length: size) ?? chunk))
            .assumeIsolated()
            .whenSuccess { [self] in
                state.withLockedValue { count(&$0, size) }
                streamHuge(context, sent: sent + size, chunk: chunk, count: count)
            }
    }

    /// One body byte a second until `left` are written or the peer goes away.
    private func drip(_ context: ChannelHandlerContext, left: Int) {
        guard left > 0, context.channel.isActive else { return }
        context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { [self] in
            guard context.channel.isActive else { return }
            _ = write(context, [UInt8(ascii: " ")])
            drip(context, left: left - 1)
        }
    }
}
