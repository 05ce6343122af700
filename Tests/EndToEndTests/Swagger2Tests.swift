import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateTestSupport
import Synchronization
import Testing

/// Swagger 2.0 documents through the commands: a run of `items.yaml` against a conformant loopback
/// server passes, `lint` names lines of the 2.0 file, `list` and `plan` see its operations, `bundle`
/// writes the OpenAPI 3.0 conversion and `init` writes a suite that loads.
@Suite("Swagger 2.0 end to end", .serialized)
struct Swagger2Tests {
    static let items = "Tests/SpecGateCoreTests/Fixtures/swagger2/items.yaml"
    static let jupyter = "Tests/SpecGateCoreTests/Fixtures/swagger2/jupyter-server-api.yaml"

    @Test func runAgainstAConformantServerPasses() async throws {
        let server = try await ItemsServer.start()
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-swagger2")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let options = RunOptions(
                path: SpecGateProcess.packageRoot + "/" + Self.items, baseURL: server.baseURL + "/v1", seed: 3,
                maxCasesPerOperation: 25, concurrency: 2, timeoutSeconds: 5, retries: 0)
            let prepared = try RunPreparation.prepare(options)
            let report = try await RunExecutor.execute(prepared)
            try await server.stop()
            #expect(report.operations.count == 4)
            #expect(report.requests > 20)
            #expect(report.transportErrors == 0)
            #expect(
                report.failures.isEmpty,
                "\(report.failures.prefix(5).map { "\($0.operationID) \($0.check): \($0.message)" })")
            #expect(report.errors.isEmpty, "\(report.errors.prefix(5).map(\.message))")
            // Every kind of request reached the server: JSON and form bodies, path, query.
            let seen = server.log.paths()
            #expect(seen.contains("POST /v1/items application/json"))
            #expect(
                seen.contains { $0.hasPrefix("POST /v1/items/") && $0.hasSuffix("application/x-www-form-urlencoded") })
        } catch {
            try? await server.stop()
            throw error
        }
    }

    @Test func lintNamesTheLineOfTheSwaggerFile() async throws {
        let lint = try await SpecGateProcess.run(["lint", Self.items], environment: ["NO_COLOR": "1"])
        let finding = try #require(lint.lines.first { $0.contains("unknown-format") }, "\(lint.stdout)")
        // The converted pointer, with the line where the 2.0 file writes it.
        #expect(finding.contains("items.yaml:25"), "\(finding)")
        #expect(finding.contains("#/components/schemas/Item/properties/code/format"), "\(finding)")
        let text = try String(contentsOfFile: SpecGateProcess.packageRoot + "/" + Self.items, encoding: .utf8)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[24].contains("format: item-code"))
        // Jupyter Server's document: findings on lines of api.yaml, also as JSON.
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-swagger2")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let jupyter = try await SpecGateProcess.run(
            ["lint", Self.jupyter, "--json", folder + "/lint.json"], environment: ["NO_COLOR": "1"])
        #expect(jupyter.status == 0 || jupyter.status == 1, "\(jupyter.stderr)")
        let dateTime = try #require(
            jupyter.lines.first { $0.contains("dateTime") && $0.contains("responses/200/headers/Last-Modified") },
            "\(jupyter.stdout)")
        let lineText = try #require(dateTime.split(separator: "  ").first { $0.contains("jupyter-server-api.yaml:") })
        let line = try #require(Int(lineText.split(separator: ":").last ?? ""))
        let source = try String(contentsOfFile: SpecGateProcess.packageRoot + "/" + Self.jupyter, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(source[line - 1].contains("format: dateTime"), "line \(line)")
        let petstore = try await SpecGateProcess.run(
            ["lint", "Tests/SpecGateCoreTests/Fixtures/swagger2/petstore.yaml", "--junit", folder + "/lint.xml"],
            environment: ["NO_COLOR": "1"])
        #expect(
            petstore.stdout.contains(
                "swagger2-conversion  Tests/SpecGateCoreTests/Fixtures/swagger2/petstore.yaml:152"),
            "\(petstore.stdout)")
        let junit = try String(contentsOfFile: folder + "/lint.xml", encoding: .utf8)
        #expect(junit.contains("lint.swagger2-conversion") && junit.contains("petstore.yaml:152"))
        let json = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/lint.json"))))
        let lines = json["findings"]?.arrayValue?.compactMap { $0["line"]?.intValue } ?? []
        #expect(!lines.isEmpty && lines.count == json["findings"]?.arrayValue?.count)
    }

    @Test func listPlanAndBundleSeeOpenAPI3() async throws {
        let list = try await SpecGateProcess.run(["list", Self.jupyter, "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try JSONParser().parse(Array(list.stdout.utf8)).arrayValue?.count == 32)
        let plan = try await SpecGateProcess.run(["plan", Self.items, "--max-cases", "3"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("labelItem") && plan.stdout.contains("createItem"), "\(plan.stdout)")
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-swagger2")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle = try await SpecGateProcess.run(["bundle", Self.items, "-o", folder + "/bundle.json"])
        #expect(bundle.status == 0, "\(bundle.stderr)")
        let bundled = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/bundle.json"))))
        #expect(bundled["openapi"] == "3.0.3")
        #expect(bundled["swagger"] == nil)
        #expect(
            bundled["components"]?["schemas"]?["Item"]?["properties"]?["note"] == ["type": "string", "nullable": true])
        #expect(
            bundled["paths"]?["/items"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"] == [
                "$ref": "#/components/schemas/NewItem"
            ])
        // The bundle loads again as OpenAPI 3.0.
        let again = try await SpecGateProcess.run(["list", folder + "/bundle.json", "--json"])
        #expect(try JSONParser().parse(Array(again.stdout.utf8)).arrayValue?.count == 4)
        // diff sees the 2.0 document and its 3.0 bundle as the same API.
        let diff = try await SpecGateProcess.run(["diff", Self.items, folder + "/bundle.json"])
        #expect(diff.status == 0, "\(diff.stdout)")
        #expect(diff.stdout.hasPrefix("0 changes"), "\(diff.stdout)")
    }

    @Test func initWritesASuiteForASwaggerDocument() async throws {
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-swagger2")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dir = folder + "/suite"
        let result = try await SpecGateProcess.run(["init", Self.jupyter, "--name", "jupyter", "--dir", dir])
        #expect(result.status == 0, "\(result.stderr)")
        let suite = try String(contentsOfFile: dir + "/suite.yaml", encoding: .utf8)
        #expect(suite.contains("jupyter-server-api.yaml"))
        let list = try await SpecGateProcess.run(["list", dir + "/suite.yaml", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try JSONParser().parse(Array(list.stdout.utf8)).arrayValue?.count == 32)
    }
}

/// A loopback server (127.0.0.1, port 0) for `items.yaml` that answers as the contract says: valid
/// requests get the documented success, anything else 400 with an `Error` body.
struct ItemsServer: Sendable {
    let channel: any Channel
    let log: RequestLog

    var baseURL: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }

    static func start() async throws -> ItemsServer {
        let log = RequestLog()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(log: log))
                }
            }
        return ItemsServer(channel: try await bootstrap.bind(host: "127.0.0.1", port: 0).get(), log: log)
    }

    func stop() async throws { try await channel.close() }

    /// "METHOD /path content-type" of every request, for the test to see what was sent.
    final class RequestLog: Sendable {
        private let entries = Mutex<[String]>([])
        func append(_ entry: String) { entries.withLock { $0.append(entry) } }
        func paths() -> [String] { entries.withLock { $0 } }
    }

    struct Answer {
        var status: HTTPResponseStatus
        var body: String?
        var headers: [(String, String)] = []
    }

    /// What the contract asks for `method path?query` with `body`.
    static func answer(method: NIOHTTP1.HTTPMethod, uri: String, contentType: String?, body: [UInt8]) -> Answer {
        let bad = Answer(status: .badRequest, body: #"{"message":"bad request"}"#)
        guard let components = URLComponents(string: uri) else { return bad }
        let segments = components.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let query = components.queryItems ?? []
        func itemID(_ text: String) -> Int? { Int(text).flatMap { (1...1000).contains($0) ? $0 : nil } }
        switch (method, segments.count) {
        case (.GET, 3) where segments[1...] == ["v1", "items"]:
            for item in query where item.name == "limit" {
                guard let value = item.value, let limit = Int(value), (1...50).contains(limit) else { return bad }
            }
            return Answer(
                status: .ok, body: #"[{"id":1,"name":"one","note":null},{"id":2,"name":"two","note":"x"}]"#,
                headers: [("X-Total", "2")])
        case (.POST, 3) where segments[1...] == ["v1", "items"]:
            guard contentType?.lowercased().hasPrefix("application/json") == true,
                case .object(let object)? = try? JSONParser().parse(body), object.count == 1,
                let name = object["name"]?.stringValue, (1...20).contains(name.unicodeScalars.count)
            else { return bad }
            return Answer(status: .created, body: JSONWriter.compact(["id": 7, "name": .string(name)]))
        case (.GET, 4) where segments[1] == "v1" && segments[2] == "items":
            guard itemID(segments[3]) != nil else { return bad }
            return Answer(status: .ok, body: #"{"id":3,"name":"three","code":"A-1"}"#)
        case (.POST, 5) where segments[1] == "v1" && segments[2] == "items" && segments[4] == "label":
            guard itemID(segments[3]) != nil,
                contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
            else { return bad }
            var form = URLComponents()
            form.percentEncodedQuery = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
            // A string field could not be told from a wrongly typed one in a form: the field is an integer.
            let fields = form.queryItems ?? []
            guard fields.count == 1, fields[0].name == "priority", let value = fields[0].value,
                let priority = Int(value),
                (1...5).contains(priority)
            else { return bad }
            return Answer(status: .noContent, body: nil)
        default:
            // RFC 9110 §15.5.6: a method a known path does not serve is 405 with Allow.
            let allow: String?
            switch segments.count {
            case 3 where segments[1...] == ["v1", "items"]: allow = "GET, POST"
            case 4 where segments[1] == "v1" && segments[2] == "items": allow = "GET"
            case 5 where segments[1] == "v1" && segments[2] == "items" && segments[4] == "label": allow = "POST"
            default: allow = nil
            }
            if let allow { return Answer(status: .methodNotAllowed, body: nil, headers: [("Allow", allow)]) }
            return bad
        }
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let log: RequestLog
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(log: RequestLog) { self.log = log }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
            case .body(let buffer):
                body += buffer.readableBytesView
            case .end:
                guard let head else { return }
                let contentType = head.headers.first(name: "content-type")
                log.append(
                    "\(head.method.rawValue) \(head.uri.split(separator: "?").first ?? "") \(contentType ?? "-")")
                let answer = ItemsServer.answer(
                    method: head.method, uri: head.uri, contentType: contentType, body: body)
                var headers = HTTPHeaders()
                if answer.body != nil { headers.add(name: "Content-Type", value: "application/json") }
                headers.add(name: "Content-Length", value: String(answer.body?.utf8.count ?? 0))
                headers.add(name: "Connection", value: "close")
                for (name, value) in answer.headers { headers.add(name: name, value: value) }
                context.write(
                    wrapOutboundOut(
                        .head(HTTPResponseHead(version: head.version, status: answer.status, headers: headers))),
                    promise: nil)
                if let text = answer.body {
                    context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
                }
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
            }
        }
    }
}
