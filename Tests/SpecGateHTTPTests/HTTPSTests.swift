import Foundation
import NIOSSL
import SpecGateCore
import SpecGateTestSupport
import Testing

@testable import SpecGateHTTP

let openssl = ExternalTool.openssl.locate() ?? "/usr/bin/openssl"

/// A throw-away CA and a server certificate for 127.0.0.1 signed by it, made with the openssl CLI.
struct TestCertificates {
    let directory: URL
    var caPath: String { directory.appendingPathComponent("ca.pem").path }
    var serverCertificatePath: String { directory.appendingPathComponent("server.pem").path }
    var serverKeyPath: String { directory.appendingPathComponent("server.key").path }

    static func make() throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgate-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = """
            set -e
            cd '\(directory.path)'
            \(openssl) req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=SpecGate Test CA'
            \(openssl) req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1'
            printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\n' > ext.cnf
            \(openssl) x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TransportError(kind: .other, message: "openssl failed with status \(process.terminationStatus)")
        }
        return TestCertificates(directory: directory)
    }

    func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(serverCertificatePath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: serverKeyPath, format: .pem)))
        return try NIOSSLContext(configuration: configuration)
    }
}

@Suite struct HTTPSTests {
    @Test func httpsWithExtraCATrustsTheServerAndFailsWithoutIt() async throws {
        guard ExternalTool.openssl.require("it makes the certificates") != nil else { return }
        let certificates = try TestCertificates.make()
        defer { try? FileManager.default.removeItem(at: certificates.directory) }
        let server = try await TestServer.start(tls: certificates.serverContext())

        var trusting = TransportOptions(baseURL: server.httpsBaseURL)
        trusting.caCertificatePath = certificates.caPath
        let trusted = try await HTTPTransport.withTransport(options: trusting) {
            await $0.send(PreparedRequest(method: .get, pathAndQuery: "/secure?x=1"))
        }
        var untrusting = TransportOptions(baseURL: server.httpsBaseURL)
        untrusting.maxRetries = 0
        let untrusted = try await HTTPTransport.withTransport(options: untrusting) {
            await $0.send(PreparedRequest(method: .get, pathAndQuery: "/secure"))
        }
        await server.stop()

        #expect(trusted.response?.status == 200)
        #expect(trusted.response?.header("X-URI") == "/secure?x=1")
        #expect(untrusted.error?.kind == .tls)
        #expect(untrusted.attempts == 1)
    }

    @Test func unreadableCAFileIsATLSError() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgate-bad-\(UUID().uuidString).pem"
        ).path
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = TransportOptions(baseURL: "https://127.0.0.1:1")
        options.caCertificatePath = path
        do {
            let transport = try HTTPTransport(options: options)
            await transport.shutdown()
            Issue.record("a CA file without certificates must be rejected")
        } catch {
            #expect(error.kind == .tls)
        }
    }
}
