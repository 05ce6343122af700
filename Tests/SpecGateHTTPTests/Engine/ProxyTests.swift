import Foundation
import SpecGateCore
import SpecGateTestSupport
import Testing

@testable import SpecGateHTTP

/// Proxies from the environment: absolute-form requests to an http origin, `CONNECT` tunnels to an https
/// one, `NO_PROXY`, and loopback targets reached directly. The proxy is a loopback one of the tests'.
@Suite struct ProxyTests {
    @Test func environmentVariablesAreReadUpperCaseFirst() throws {
        let settings = try ProxySettings.fromEnvironment([
            "HTTP_PROXY": "http://user:p%40ss@proxy.example:3128", "http_proxy": "http://ignored:1",
            "https_proxy": "proxy.example:8443", "NO_PROXY": " internal.example, .corp.example ,10.1.2.3:8080,",
        ])
        #expect(settings.http?.origin == (try Origin(scheme: "http", authority: "proxy.example:3128")))
        #expect(settings.http?.authorization == "Basic " + Base64.encode(Array("user:p@ss".utf8)))
        #expect(settings.https?.origin.port == 8443)
        #expect(settings.noProxy == ["internal.example", ".corp.example", "10.1.2.3:8080"])
        #expect(try ProxySettings.fromEnvironment([:]) == ProxySettings())
    }

    @Test func badProxyVariablesNameTheVariableNotThePassword() {
        do {
            _ = try ProxySettings.fromEnvironment(["HTTPS_PROXY": "https://user:secret@proxy:3128"])
            Issue.record("an https:// proxy must be refused")
        } catch {
            #expect(error.message.hasPrefix("HTTPS_PROXY: "))
            #expect(!error.message.contains("secret"))
        }
        do {
            _ = try ProxySettings.fromEnvironment(["http_proxy": "http://user:secret@proxy:notaport"])
            Issue.record("a bad port must be refused")
        } catch {
            #expect(error.message.hasPrefix("http_proxy: "))
            #expect(!error.message.contains("secret"))
        }
    }

    @Test func whichOriginsGoThroughTheProxy() throws {
        var settings = ProxySettings(
            http: try ProxyEndpoint(url: "http://proxy:3128"), https: try ProxyEndpoint(url: "http://proxy:3129"),
            noProxy: ["internal.example", ".corp.example", "10.1.2.3:8080", "*.wild.example"])
        func via(_ url: String) throws -> Int? { settings.proxy(for: try AbsoluteURL(url).origin)?.origin.port }
        #expect(try via("http://api.example/x") == 3128)
        #expect(try via("https://api.example/x") == 3129)
        #expect(try via("http://internal.example/") == nil)
        #expect(try via("http://a.internal.example/") == nil)
        #expect(try via("http://notinternal.example/") == 3128)
        #expect(try via("https://x.corp.example/") == nil)
        #expect(try via("https://corp.example/") == nil)
        #expect(try via("http://10.1.2.3:8080/") == nil)
        #expect(try via("http://10.1.2.3:9090/") == 3128)
        #expect(try via("http://b.wild.example/") == nil)
        // Loopback is reached directly unless asked otherwise.
        #expect(try via("http://127.0.0.1:8080/") == nil)
        #expect(try via("http://localhost/") == nil)
        #expect(try via("http://[::1]:80/") == nil)
        settings.bypassLoopback = false
        #expect(try via("http://127.0.0.1:8080/") == 3128)
        settings.noProxy = ["*"]
        #expect(try via("http://api.example/") == nil)
    }

    @Test func plainHTTPGoesThroughTheProxyInAbsoluteForm() async throws {
        let server = try await TestServer.start()
        let proxy = try await TestProxy.start()
        var options = TransportOptions(baseURL: "http://origin.invalid:\(server.port)/api")
        options.proxy = try ProxySettings.fromEnvironment(["HTTP_PROXY": "http://bob:builder@127.0.0.1:\(proxy.port)"])
        let exchanges = try await HTTPTransport.withTransport(options: options) { transport in
            [await transport.send(get("/echo/one?x=1")), await transport.send(get("/echo/two"))]
        }
        let log = proxy.snapshot
        let seen = server.snapshot
        let port = server.port
        await proxy.stop()
        await server.stop()
        #expect(exchanges.map { $0.response?.status } == [200, 200])
        #expect(log.requestLines.first == "GET http://origin.invalid:\(port)/api/echo/one?x=1 HTTP/1.1")
        #expect(log.authorizations.first == "Basic " + Base64.encode(Array("bob:builder".utf8)))
        #expect(log.requestLines.count == 1, "the second request reused the kept-alive proxy connection")
        #expect(
            seen.requests.map(\.uri) == ["/api/echo/one?x=1", "/api/echo/two"], "the proxy forwards in origin-form")
        #expect(
            seen.requests.first?.headers.contains { $0.name == "Host" && $0.value == "origin.invalid:\(port)" } == true)
    }

    @Test func httpsGoesThroughAConnectTunnel() async throws {
        guard ExternalTool.openssl.require("it makes the certificates") != nil else { return }
        let certificates = try TestCertificates.make()
        defer { try? FileManager.default.removeItem(at: certificates.directory) }
        let server = try await TestServer.start(tls: certificates.serverContext())
        let proxy = try await TestProxy.start()
        var options = TransportOptions(baseURL: server.httpsBaseURL)
        options.caCertificatePath = certificates.caPath
        options.proxy = ProxySettings(
            https: try ProxyEndpoint(url: "http://u:pw@127.0.0.1:\(proxy.port)"), bypassLoopback: false)
        let exchange = try await HTTPTransport.withTransport(options: options) {
            await $0.send(get("/secure?tunnel=1"))
        }
        let log = proxy.snapshot
        let port = server.port
        await proxy.stop()
        await server.stop()
        #expect(exchange.response?.status == 200, "\(String(describing: exchange.error))")
        #expect(exchange.response?.header("X-URI") == "/secure?tunnel=1", "origin-form inside the tunnel")
        #expect(log.requestLines == ["CONNECT 127.0.0.1:\(port) HTTP/1.1"])
        #expect(log.authorizations == ["Basic " + Base64.encode(Array("u:pw".utf8))])
    }

    @Test func aProxyThatRefusesIsATransportErrorNamingTheProxy() async throws {
        let port = try await closedPort()
        var options = TransportOptions(baseURL: "http://origin.invalid:1")
        options.maxRetries = 0
        options.proxy = ProxySettings(http: try ProxyEndpoint(url: "127.0.0.1:\(port)"))
        let exchange = try await HTTPTransport.withTransport(options: options) { await $0.send(get("/x")) }
        #expect(exchange.error?.kind == .connectionRefused)
        #expect(exchange.error?.message.contains("through proxy 127.0.0.1:\(port)") == true)
    }
}
