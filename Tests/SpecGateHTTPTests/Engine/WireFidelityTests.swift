import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SpecGateCore
import Testing

@testable import SpecGateHTTP

/// Records the raw bytes of each request it receives and answers `200` with an empty body.
private struct RawCaptureServer: Sendable {
    let channel: any Channel
    let captured: NIOLockedValueBox<[[UInt8]]>

    var port: Int { channel.localAddress?.port ?? 0 }

    /// With `closeOnReuse`, a second request on a connection is not read: the connection is closed.
    static func start(closeOnReuse: Bool = false) async throws -> RawCaptureServer {
        let captured = NIOLockedValueBox<[[UInt8]]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        CaptureHandler(captured: captured, closeOnReuse: closeOnReuse))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return RawCaptureServer(channel: channel, captured: captured)
    }

    func stop() async { try? await channel.close() }
}

private final class CaptureHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let captured: NIOLockedValueBox<[[UInt8]]>
    let closeOnReuse: Bool
    var answered = 0
    var bytes: [UInt8] = []

    init(captured: NIOLockedValueBox<[[UInt8]]>, closeOnReuse: Bool) {
        self.captured = captured
        self.closeOnReuse = closeOnReuse
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if closeOnReuse, answered > 0 {
            context.close(promise: nil)
            return
        }
        bytes += unwrapInboundIn(data).readableBytesView
        while let end = headEnd() {
            let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
            let length =
                head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingPrefix(" ")) } ?? 0
            guard bytes.count >= end + length else { return }
            captured.withLockedValue { $0.append(Array(bytes[..<(end + length)])) }
            bytes.removeFirst(end + length)
            answered += 1
            context.writeAndFlush(
                NIOAny(context.channel.allocator.buffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")),
                promise: nil)
        }
    }

    private func headEnd() -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4)
        where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i + 4
        }
        return nil
    }
}

/// What the case built is what goes on the wire: header names in their case and order, duplicates kept,
/// the body's exact bytes; `Host` and `Content-Length` added only where the case has none.
@Suite struct WireFidelityTests {
    @Test func headersAndBodyGoOutExactly() async throws {
        let server = try await RawCaptureServer.start()
        let body: [UInt8] = [0x7B, 0x00, 0xFF, 0x0D, 0x0A, 0x7D]
        let request = PreparedRequest(
            method: .post, pathAndQuery: "/v2/bookings?x=%20y",
            headers: [
                HeaderField(name: "cal-api-version", value: "2024-08-13"), HeaderField(name: "X-Dup", value: "one"),
                HeaderField(name: "content-TYPE", value: "application/json"), HeaderField(name: "X-Dup", value: "two"),
                HeaderField(name: "x-dup", value: "three"),
            ],
            body: body)
        let fixedLength = PreparedRequest(
            method: .put, pathAndQuery: "/p",
            headers: [
                HeaderField(name: "HOST", value: "example.test"), HeaderField(name: "Content-Length", value: "6"),
            ], body: body)
        let empty = PreparedRequest(method: .patch, pathAndQuery: "/e")
        let exchanges = try await HTTPTransport.withTransport(
            options: TransportOptions(baseURL: "http://127.0.0.1:\(server.port)")
        ) {
            [await $0.send(request), await $0.send(fixedLength), await $0.send(empty)]
        }
        let port = server.port
        let captured = server.captured.withLockedValue { $0 }
        await server.stop()
        #expect(exchanges.allSatisfy { $0.response?.status == 200 })
        let expectedHead =
            "POST /v2/bookings?x=%20y HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\ncal-api-version: 2024-08-13\r\nX-Dup: one\r\n"
            + "content-TYPE: application/json\r\nX-Dup: two\r\nx-dup: three\r\nContent-Length: 6\r\n\r\n"
        #expect(captured.count == 3)
        #expect(captured.first == Array(expectedHead.utf8) + body)
        #expect(
            captured.dropFirst().first == Array(
                "PUT /p HTTP/1.1\r\nHOST: example.test\r\nContent-Length: 6\r\n\r\n".utf8) + body)
        #expect(
            captured.last == Array("PATCH /e HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\n\r\n".utf8))
    }

    @Test func headersThatWouldBreakFramingAreNotSent() async throws {
        let server = try await RawCaptureServer.start()
        let injected = PreparedRequest(
            method: .get, pathAndQuery: "/x", headers: [HeaderField(name: "X-A", value: "1\r\nX-Injected: 2")])
        let badName = PreparedRequest(
            method: .get, pathAndQuery: "/x", headers: [HeaderField(name: "Bad Name", value: "1")])
        let exchanges = try await HTTPTransport.withTransport(
            options: TransportOptions(baseURL: "http://127.0.0.1:\(server.port)")
        ) {
            [await $0.send(injected), await $0.send(badName)]
        }
        let captured = server.captured.withLockedValue { $0 }
        await server.stop()
        #expect(exchanges.allSatisfy { $0.error?.kind == .invalidRequest && $0.attempts == 1 })
        #expect(captured.isEmpty)
    }

    @Test func timingsAreRecordedAndConnectOnlyForNewConnections() async throws {
        let server = try await RawCaptureServer.start()
        let exchanges = try await HTTPTransport.withTransport(
            options: TransportOptions(baseURL: "http://127.0.0.1:\(server.port)")
        ) {
            [
                await $0.send(PreparedRequest(method: .get, pathAndQuery: "/1")),
                await $0.send(PreparedRequest(method: .get, pathAndQuery: "/2")),
            ]
        }
        await server.stop()
        let first = try #require(exchanges.first?.response?.timings)
        let second = try #require(exchanges.last?.response?.timings)
        #expect(first.connect != nil)
        #expect(second.connect == nil, "the second request reused the kept-alive connection")
        for timings in [first, second] {
            #expect(timings.firstByte > .zero && timings.firstByte <= timings.total)
        }
    }

    @Test("a POST on a connection the server closed unanswered is re-sent once on a fresh one, and processed once")
    func staleConnectionResendsEvenPost() async throws {
        let server = try await RawCaptureServer.start(closeOnReuse: true)
        var options = TransportOptions(baseURL: "http://127.0.0.1:\(server.port)")
        options.maxRetries = 0
        let post = PreparedRequest(
            method: .post, pathAndQuery: "/create",
            headers: [HeaderField(name: "Content-Type", value: "application/json")], body: Array("{}".utf8))
        let exchanges = try await HTTPTransport.withTransport(options: options) {
            [await $0.send(post), await $0.send(post), await $0.send(post)]
        }
        let captured = server.captured.withLockedValue { $0 }
        await server.stop()
        #expect(exchanges.map { $0.response?.status } == [200, 200, 200])
        #expect(exchanges.map(\.staleRetries) == [0, 1, 1])
        #expect(exchanges.map(\.attempts) == [1, 1, 1], "a stale re-send is not a retry")
        #expect(captured.count == 3, "each POST was processed exactly once")
    }
}
