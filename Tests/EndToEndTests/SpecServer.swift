import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP server (127.0.0.1, port 0) that serves static documents by path — a spec split over
/// several files, an HTML page, whatever a test puts in `files` — and answers a tiny item API under `/api`
/// the way its spec (`SpecURLTests.mainSpec`) says. With `requiredHeader`, documents are served only to a
/// request carrying that header and value (401 otherwise). Every answer closes the connection.
struct SpecServer: Sendable {
    struct File: Sendable {
        var contentType: String
        var body: String
        var status: Int = 200
        /// A `Location` header (with a 3xx `status`).
        var location: String?
    }

    let channel: any Channel
    /// The bound port (kept after `stop`).
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func start(files: [String: File], requiredHeader: (name: String, value: String)? = nil) async throws
        -> SpecServer
    {
        let required = requiredHeader.map { [$0.name.lowercased(), $0.value] }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(files: files, requiredHeader: required))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        return SpecServer(channel: channel, port: channel.localAddress?.port ?? 0)
    }

    func stop() async throws { try await channel.close() }

    /// A port on which nothing listens: a server bound to port 0, then closed.
    static func closedPort() async throws -> Int {
        let server = try await start(files: [:])
        let port = server.port
        try await server.stop()
        return port
    }

    /// The item API: `GET /api/items` and `GET /api/items/{id}` (a positive integer, else 400).
    static func api(method: HTTPMethod, path: String) -> (status: Int, body: String)? {
        guard path == "/api/items" || path.hasPrefix("/api/items/") else { return nil }
        guard method == .GET else { return (405, #"{"error":"method not allowed"}"#) }
        if path == "/api/items" { return (200, #"[{"id":1,"name":"one"},{"id":2,"name":"two"}]"#) }
        let id = path.dropFirst("/api/items/".count)
        let valid = !id.isEmpty && id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber) && id.contains { $0 != "0" }
        return valid
            ? (200, #"{"id":"# + (Int(id).map(String.init) ?? "7") + #","name":"item"}"#)
            : (400, #"{"error":"bad id"}"#)
    }

    final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let files: [String: File]
        /// Lower-cased name and value.
        let requiredHeader: [String]?

        init(files: [String: File], requiredHeader: [String]?) {
            self.files = files
            self.requiredHeader = requiredHeader
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            // Status 0: never answer (the client times out).
            if files[head.uri]?.status == 0 { return }
            let path = String(
                head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let status: Int
            let contentType: String
            let body: String
            var location: String?
            if let answer = SpecServer.api(method: head.method, path: path) {
                (status, contentType, body) = (answer.status, "application/json", answer.body)
            } else if let file = files[path] {
                if let requiredHeader, head.headers.first(name: requiredHeader[0]) != requiredHeader[1] {
                    (status, contentType, body) = (401, "application/json", #"{"error":"unauthorized"}"#)
                } else {
                    (status, contentType, body) = (file.status, file.contentType, file.body)
                    location = file.location
                }
            } else {
                (status, contentType, body) = (404, "text/plain", "not found")
            }
            var headers = HTTPHeaders()
            // RFC 9110 §15.5.6: the item API's 405 names the one method it serves.
            if status == 405 { headers.add(name: "Allow", value: "GET") }
            headers.add(name: "Content-Type", value: contentType)
            headers.add(name: "Content-Length", value: String(body.utf8.count))
            headers.add(name: "Connection", value: "close")
            if let location { headers.add(name: "Location", value: location) }
            let responseHead = HTTPResponseHead(
                version: head.version, status: HTTPResponseStatus(statusCode: status), headers: headers)
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            if head.method != .HEAD {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
        }
    }
}
