import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP server (127.0.0.1, port 0) with a fixed route table, for the `unsupported_method`
/// check: a declared method answers 200 `{}`; an undeclared one answers per `Behaviour`.
public struct MethodServer: Sendable {
    public enum Behaviour: String, Sendable, CaseIterable {
        /// RFC 9110 §15.5.6: 405 with `Allow` listing the path's methods (HEAD with GET).
        case conformant
        /// 404 `Cannot PATCH /items`, as Express answers an unrouted method.
        case notFound
        /// 405 without an `Allow` header.
        case missingAllow
        /// 405 whose `Allow` also lists a method the path does not have (`PUT`).
        case extraAllow
        /// The undeclared method is served like a declared one (200).
        case acceptsAny
    }

    let channel: any Channel
    public var port: Int { channel.localAddress?.port ?? 0 }
    public var url: String { "http://127.0.0.1:\(port)" }

    /// `routes`: path templates (`/items/{id}`) and their methods (upper case).
    /// `integerHeader`: an optional header that must be an integer when sent; a malformed one is answered
    /// 400, or 500 with `serverErrorOnBadHeader` (the fault `optional-header-invalid` finds).
    public static func start(
        routes: [(path: String, methods: [String])], behaviour: Behaviour, integerHeader: String? = nil,
        serverErrorOnBadHeader: Bool = false
    ) async throws -> MethodServer {
        let table = routes.map { Route(segments: $0.path.split(separator: "/").map(String.init), methods: $0.methods) }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        MethodHandler(
                            routes: table, behaviour: behaviour, integerHeader: integerHeader,
                            serverErrorOnBadHeader: serverErrorOnBadHeader))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return MethodServer(channel: channel)
    }

    public func stop() async {
        try? await channel.close()
    }
}

struct Route: Sendable {
    var segments: [String]
    var methods: [String]

    func matches(_ path: Substring) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy { part, segment in segment.hasPrefix("{") || part == segment }
    }
}

private final class MethodHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: [Route]
    let behaviour: MethodServer.Behaviour
    let integerHeader: String?
    let serverErrorOnBadHeader: Bool
    private var head: HTTPRequestHead?

    init(routes: [Route], behaviour: MethodServer.Behaviour, integerHeader: String?, serverErrorOnBadHeader: Bool) {
        self.routes = routes
        self.behaviour = behaviour
        self.integerHeader = integerHeader
        self.serverErrorOnBadHeader = serverErrorOnBadHeader
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h): head = h
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            respond(context, head)
        }
    }

    private func respond(_ context: ChannelHandlerContext, _ head: HTTPRequestHead) {
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let method = head.method.rawValue
        guard let route = routes.first(where: { $0.matches(path) }) else {
            return send(context, status: .notFound, body: #"{"message":"Cannot \#(method) \#(path)"}"#)
        }
        var methods = route.methods
        if methods.contains("GET") { methods.append("HEAD") }
        if methods.contains(method) || behaviour == .acceptsAny {
            if let integerHeader, let value = head.headers[integerHeader].first, Int(value) == nil {
                return send(
                    context, status: serverErrorOnBadHeader ? .internalServerError : .badRequest,
                    body: #"{"message":"\#(integerHeader) must be an integer"}"#)
            }
            return send(context, status: .ok, body: "{}")
        }
        switch behaviour {
        case .conformant: send(context, status: .methodNotAllowed, body: "", allow: methods.joined(separator: ", "))
        case .notFound: send(context, status: .notFound, body: #"{"message":"Cannot \#(method) \#(path)"}"#)
        case .missingAllow: send(context, status: .methodNotAllowed, body: "")
        case .extraAllow:
            send(context, status: .methodNotAllowed, body: "", allow: (methods + ["PUT"]).joined(separator: ", "))
        case .acceptsAny: break
        }
    }

    private func send(_ context: ChannelHandlerContext, status: HTTPResponseStatus, body: String, allow: String? = nil)
    {
        var headers = HTTPHeaders()
        if !body.isEmpty { headers.add(name: "Content-Type", value: "application/json") }
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        if let allow { headers.add(name: "Allow", value: allow) }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if !body.isEmpty {
            context.write(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
