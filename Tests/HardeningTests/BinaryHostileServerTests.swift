import Foundation
import SpecGateCore
import SpecGateJUnit
import SpecGateTestSupport
import Testing

/// `specgate run` (the built binary) against the hostile server: exit 1, valid reports, no token in any
/// output, and the 50 MB body cut without the process reading it (peak RSS reported, not asserted).
@Suite(.serialized) struct BinaryHostileServerTests {
    @Test func runAgainstTheHostileServer() async throws {
        guard ExternalTool.specgate.require() != nil else { return }
        let server = try await HostileServer.start()
        let files = try HostileFiles()
        defer { files.remove() }
        let suite = try HostileHTTPFixture.write(to: files)
        let junit = files.folder + "/junit.xml"
        let json = files.folder + "/report.json"
        let limit = 1 << 20
        let launcher = ExternalTool.time.locate().map { [$0, "-v"] } ?? []
        let result: SpecGateProcess
        do {
            result = try await SpecGateProcess.run(
                [
                    "run", suite, "--base-url", server.baseURL, "--timeout", "1", "--retries", "0", "--max-cases", "1",
                    "--valid-cases", "1", "--no-invalid", "--max-response-bytes", String(limit), "--junit", junit,
                    "--json", json,
                ],
                environment: ["HOSTILE_TOKEN": HostileHTTPFixture.token, "NO_COLOR": "1"], launcher: launcher)
        } catch {
            await server.stop()
            throw error
        }
        try await Task.sleep(for: .milliseconds(200))
        let seen = server.snapshot
        await server.stop()

        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
        #expect(seen.count("POST", "/post-hang") == 1)
        #expect(seen.hugeCompleted == 0)
        #expect(seen.hugeBytesDelivered < HostileServer.hugeSize / 2)

        let xml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: junit)))
        #expect(JUnitReader.wellFormednessErrors(xml).isEmpty)
        #expect(try JUnitSchemas.violations(of: xml) == [])
        let jsonBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: json)))
        let report = try RunReportJSONDecoder(file: json).decode(bytes: jsonBytes)
        #expect(report.exitCode == 1)
        #expect(report.requests == HostileHTTPFixture.operations.count)
        #expect(
            Set(report.errors.map(\.operationID)) == [
                "resetMidBody", "neverCompletes", "truncatedBody", "hugeBody", "controlHeaders", "slowDrip", "postHang",
            ])
        #expect(
            Set(report.failures.map(\.operationID)) == ["invalidUTF8", "notJSON", "redirectLoop", "echoAuthorization"])

        for (name, text) in [
            ("stdout", result.stdout), ("stderr", result.stderr), ("junit", String(decoding: xml, as: UTF8.self)),
            ("json", String(decoding: jsonBytes, as: UTF8.self)),
        ] {
            #expect(!text.contains(HostileHTTPFixture.token), "\(name) leaks the token")
        }
        if let line = result.stderr.split(separator: "\n").first(where: { $0.contains("Maximum resident set size") }) {
            print(
                "hostile binary run: \(line.trimmingCharacters(in: .whitespaces)); /huge bytes the client accepted: \(seen.hugeBytesDelivered) of \(HostileServer.hugeSize)"
            )
        }
    }

    /// Peak RSS of `specgate run` for the 50 MB body against a 9-byte one (reported, not asserted: memory
    /// is measured by `make bench`); the server's count of bytes the client accepted is asserted instead.
    @Test func peakMemoryWithTheFiftyMegabyteBody() async throws {
        guard ExternalTool.specgate.require() != nil, ExternalTool.time.require("peak memory is read from it") != nil
        else { return }
        let server = try await HostileServer.start()
        let files = try HostileFiles()
        defer { files.remove() }
        let suite = try HostileHTTPFixture.write(to: files)
        var peaks: [String: String] = [:]
        for operation in ["conformant", "hugeBody"] {
            let result = try await SpecGateProcess.run(
                [
                    "run", suite, "--base-url", server.baseURL, "--operation", operation, "--max-cases", "1",
                    "--no-invalid",
                    "--max-response-bytes", String(1 << 20), "--junit", files.folder + "/\(operation).xml",
                    "--json", files.folder + "/\(operation).json",
                ],
                environment: ["HOSTILE_TOKEN": HostileHTTPFixture.token], launcher: ["/usr/bin/time", "-v"])
            #expect(result.status == (operation == "conformant" ? 0 : 1), "\(operation): \(result.stderr)")
            peaks[operation] = result.stderr.split(separator: "\n")
                .first { $0.contains("Maximum resident set size") }?.split(separator: ":").last?
                .trimmingCharacters(in: .whitespaces)
        }
        let seen = server.snapshot
        await server.stop()
        #expect(seen.hugeCompleted == 0)
        print(
            "hostile binary peak RSS (KiB): 9-byte body \(peaks["conformant"] ?? "?"), 50 MB body cut at 1 MiB \(peaks["hugeBody"] ?? "?"); "
                + "bytes the client accepted: \(seen.hugeBytesDelivered) of \(HostileServer.hugeSize)")
    }
}
