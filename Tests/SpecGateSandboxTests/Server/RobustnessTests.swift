import SpecGateJSON
import SpecGateSandbox
import Testing

@Suite("Bad input to the server")
struct RobustnessTests {
    /// After each abuse the server must still answer a normal request.
    private func stillServing(_ client: SandboxClient) async throws {
        let reply = try await client.send("GET", "/v2/bookings/\(client.seed.personalBookingUid)")
        #expect(reply.status == 200)
    }

    @Test("a body over the limit gets 413 and the server keeps serving")
    func oversizedBody() async throws {
        try await withSandbox(maxBodyBytes: 1 << 20) { client in
            let big = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) + 10)
            let outcome = await client.raw("POST", "/v2/bookings", body: big)
            #expect(outcome.reply?.status == 413)
            #expect(outcome.reply?.json?["status"] == "error")
            try await stillServing(client)
        }
    }

    @Test("a chunked body over the limit gets 413")
    func oversizedChunkedBody() async throws {
        try await withSandbox(maxBodyBytes: 1000) { client in
            var request = Array(
                "POST /v2/bookings HTTP/1.1\r\nHost: x\r\nConnection: close\r\ncal-api-version: 2024-08-13\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .utf8)
            for _ in 0..<3 {
                request +=
                    Array("1f4\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "b"), count: 500) + Array("\r\n".utf8)
            }
            request += Array("0\r\n\r\n".utf8)
            let outcome = await RawHTTPClient.exchange(port: client.port, bytes: request)
            #expect(outcome.reply?.status == 413)
            try await stillServing(client)
        }
    }

    @Test(
        "malformed HTTP gets a 4xx or a closed connection, never a crash",
        arguments: [
            "GARBAGE\r\n\r\n",
            "GET /v2/bookings HTTP/9.9\r\n\r\n",
            "GET /v2/bookings HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "\u{0}\u{1}\u{2}\r\n\r\n",
        ])
    func malformedHTTP(_ text: String) async throws {
        try await withSandbox { client in
            let outcome = await RawHTTPClient.exchange(port: client.port, bytes: Array(text.utf8))
            if let status = outcome.reply?.status {
                #expect((400..<500).contains(status))
            } else {
                #expect(outcome.end != .timedOut)
            }
            try await stillServing(client)
        }
    }

    @Test("huge headers get a 4xx")
    func hugeHeaders() async throws {
        try await withSandbox { client in
            let huge = String(repeating: "x", count: 200_000)
            let outcome = await client.raw("GET", "/v2/bookings", extraHeaders: [("X-Huge", huge)])
            if let status = outcome.reply?.status {
                #expect((400..<500).contains(status))
            } else {
                #expect(outcome.end != .timedOut)
            }
            try await stillServing(client)
        }
    }

    @Test("invalid UTF-8 in the path or query gets 400")
    func invalidUTF8() async throws {
        try await withSandbox { client in
            let path = try await client.send("GET", "/v2/bookings/%FF%FE")
            #expect(path.status == 400)
            let query = try await client.send("GET", "/v2/bookings?attendeeName=%C3%28", key: client.ownerKey)
            #expect(query.status == 400)
            try await stillServing(client)
        }
    }

    @Test("unknown paths and methods a path does not serve get the 404 envelope (Express), no 405")
    func routing() async throws {
        try await withSandbox { client in
            for path in ["/", "/v2/nothing", "/v2/bookings/x/y/z/w", "/v2/bookings/x/teleport"] {
                let reply = try await client.send("GET", path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.json?["error"]?["code"] == "NotFoundException")
            }
            // Express answers a method the path does not route like an unknown path (Cal.com runs on NestJS/Express).
            let reply = try await client.send("DELETE", "/v2/bookings/\(client.seed.personalBookingUid)")
            #expect(reply.status == 404)
            #expect(
                reply.json?["error"]?["message"]?.stringValue
                    == "Cannot DELETE /v2/bookings/\(client.seed.personalBookingUid)")
            #expect(reply.header("Allow") == nil)
            let put = try await client.send("PUT", "/v2/bookings")
            #expect(put.status == 404)
            #expect(put.header("Allow") == nil)
        }
    }

    @Test("keep-alive connections serve several requests in order")
    func keepAlive() async throws {
        try await withSandbox { client in
            let one =
                "GET /v2/bookings/\(client.seed.personalBookingUid) HTTP/1.1\r\nHost: x\r\ncal-api-version: 2024-08-13\r\n\r\n"
            let two =
                "GET /v2/bookings/nope HTTP/1.1\r\nHost: x\r\ncal-api-version: 2024-08-13\r\nConnection: close\r\n\r\n"
            let outcome = await RawHTTPClient.exchange(port: client.port, bytes: Array((one + two).utf8))
            let text = String(decoding: outcome.bytes, as: UTF8.self)
            let statuses = text.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
            #expect(statuses == ["200", "404"])
        }
    }

    @Test("stop closes the listener")
    func stop() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration())
        let port = sandbox.port
        #expect(port > 0)
        #expect(sandbox.baseURL == "http://127.0.0.1:\(port)")
        try await sandbox.stop()
        let outcome = await RawHTTPClient.request(port: port, method: "GET", path: "/v2/bookings")
        #expect(outcome.end == .refused)
    }

    @Test("the seed exposes an owner, at least two round-robin hosts with keys, and an outsider")
    func seed() {
        let seed = SandboxSeed.standard
        #expect(seed.hosts.count >= 2)
        #expect(seed.users.allSatisfy { $0.apiKey.hasPrefix("cal_") })
        #expect(Set(seed.users.map(\.apiKey)).count == seed.users.count)
        #expect(seed.roundRobinEventType.isRoundRobin)
        #expect(seed.roundRobinEventType.hostIds == seed.hosts.map(\.id))
        #expect(!seed.roundRobinEventType.hostIds.contains(seed.outsider.id))
        #expect(seed.bookingUids.count == 5)
    }
}
