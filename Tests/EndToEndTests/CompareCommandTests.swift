import Foundation
import SpecGateJSON
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `specgate compare` through the built binary, against in-process sandboxes.
@Suite("compare command", .serialized)
struct CompareCommandTests {
    static let suite = "specs/calcom/suite.yaml"

    @Test func conformantVersusFaultyNamesOperationAndKind() async throws {
        let a = try await Sandbox.start(SandboxConfiguration())
        let b = try await Sandbox.start(SandboxConfiguration())
        let faulty = try await Sandbox.start(SandboxConfiguration(faults: [.missingRequiredField]))
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-compare")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = ["CAL_API_KEY": a.seed.owner.apiKey, "NO_COLOR": "1"]
        let same = try await SpecGateProcess.run(
            [
                "compare", Self.suite, "--base-url", a.baseURL, "--base-url", b.baseURL, "--max-cases", "8", "--json",
                folder + "/same.json",
            ],
            environment: env)
        let differ = try await SpecGateProcess.run(
            [
                "compare", Self.suite, "--base-url", a.baseURL, "--base-url", faulty.baseURL, "--max-cases", "8",
                "--operation", "BookingsController_2024_08_13_getBooking", "--json", folder + "/differ.json",
            ],
            environment: env)
        let usage = try await SpecGateProcess.run(["compare", Self.suite, "--base-url", a.baseURL], environment: env)
        try await a.stop()
        try await b.stop()
        try await faulty.stop()

        #expect(same.status == 0, "\(same.stdout.suffix(600)) \(same.stderr)")
        #expect(same.stdout.contains("no differences"))
        #expect(same.stdout.contains("GET /v2/bookings/{bookingUid}"), "the table lists the operations")

        #expect(differ.status == 1, "\(differ.stderr)")
        let lines = differ.lines
        let row = try #require(lines.first { $0.hasPrefix("GET /v2/bookings/{bookingUid} ") })
        #expect(
            row.split(separator: " ").filter { $0 == "same" }.count == 1,
            "status classes agree; verdict and shape differ: \(row)")
        #expect(lines.contains { $0.contains("DIFF verdict, shape — GET /v2/bookings/{bookingUid}") })
        #expect(lines.contains("   - response_schema_conformance fails on B only"))
        #expect(lines.contains("   - /data/title: present in A only (string)"))
        #expect(lines.contains { $0.hasPrefix("   reproduce B: curl") && $0.contains("\"$CAL_API_KEY\"") })

        let json = try JSONParser().parse([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/differ.json"))))
        #expect(json["specgateCompare"]?.intValue == 1)
        #expect(json["differences"]?[0]?["operation"] == .string("BookingsController_2024_08_13_getBooking"))
        #expect(json["summary"]?["exitCode"]?.intValue == 1)

        #expect(usage.status == 2 && usage.stderr.contains("--base-url"), "one base URL is a usage error")
    }

    @Test func unreachableTargetExits3() async throws {
        let gone = try await Sandbox.start(SandboxConfiguration())
        let url = gone.baseURL
        try await gone.stop()
        let a = try await Sandbox.start(SandboxConfiguration())
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-compare")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await SpecGateProcess.run(
            [
                "compare", Self.suite, "--base-url", a.baseURL, "--base-url", url, "--max-cases", "3", "--retries", "0",
                "--operation", "BookingsController_2024_08_13_getBookings", "--json", folder + "/c.json",
            ],
            environment: ["CAL_API_KEY": a.seed.owner.apiKey, "NO_COLOR": "1"])
        try await a.stop()
        #expect(result.status == 3, "\(result.stdout.suffix(400)) \(result.stderr)")
        #expect(result.stdout.contains("target B unreachable"))
    }
}
