import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import SpecGateTestSupport
import Testing

/// `CompareExecutor` with two in-process sandboxes (127.0.0.1, port 0): the Cal.com suite sent to both.
@Suite("compare two targets", .serialized)
struct CompareExecutorTests {
    static let createBooking = "BookingsController_2024_08_13_createBooking"
    static let getBooking = "BookingsController_2024_08_13_getBooking"
    static let getBookings = "BookingsController_2024_08_13_getBookings"

    func compare(
        faultsB: Set<SandboxFault>, configure: (inout RunOptions) -> Void = { _ in }
    ) async throws -> ComparisonReport {
        let a = try await Sandbox.start(SandboxConfiguration())
        let b = try await Sandbox.start(SandboxConfiguration(faults: faultsB))
        do {
            var options = RunOptions(
                path: RunHarness.suite, baseURL: a.baseURL, seed: 1, maxCasesPerOperation: 10, concurrency: 4,
                timeoutSeconds: 5,
                retries: 0, environment: ["CAL_API_KEY": RunHarness.ownerKey])
            configure(&options)
            let prepared = try RunPreparation.prepare(options)
            let report = try await CompareExecutor.execute(prepared, baseURLA: a.baseURL, baseURLB: b.baseURL)
            try await a.stop()
            try await b.stop()
            return report
        } catch {
            try? await a.stop()
            try? await b.stop()
            throw error
        }
    }

    @Test("two conformant sandboxes: no differences, exit 0")
    func conformantAgainstConformant() async throws {
        let report = try await compare(faultsB: [])
        #expect(report.differing.isEmpty, "\(report.differing.prefix(3).map { $0.differences.map(\.message) })")
        #expect(report.exitCode == 0)
        #expect(report.comparedCases > 100)
        #expect(report.operations.count == 17)
        #expect(report.requestsA == report.requestsB, "both targets get the same requests")
        #expect(report.transportErrorsA == 0 && report.transportErrorsB == 0)
    }

    @Test(
        "a fault on B names the differing operation and the kind of difference",
        arguments: [
            (
                SandboxFault.enumOutOfSet, getBooking, DifferenceKind.shape,
                "/status: enum values A \"success\", B \"succeeded\""
            ),
            (
                SandboxFault.missingRequiredField, createBooking, DifferenceKind.shape,
                "/data/title: present in A only (string)"
            ),
            (
                SandboxFault.undocumentedStatus, createBooking, DifferenceKind.verdict,
                "status_code_conformance fails on B only"
            ),
            (SandboxFault.ignoreAuth, getBookings, DifferenceKind.statusClass, "status class A 4xx, B 2xx"),
        ])
    func faultOnB(fault: SandboxFault, operationID: String, kind: DifferenceKind, message: String) async throws {
        let report = try await compare(faultsB: [fault]) { $0.maxCasesPerOperation = 30 }
        #expect(report.exitCode == 1)
        let hits = report.differing.filter { $0.operationID == operationID }
        #expect(
            hits.contains { comparison in comparison.differences.contains { $0.kind == kind && $0.message == message }
            },
            "\(hits.prefix(2).map { $0.differences.map(\.message) })")
        let operation = try #require(report.operations.first { $0.operationID == operationID })
        #expect(operation.count(kind) > 0)
        if kind != .statusClass {
            #expect(
                hits.contains { $0.differences.contains { $0.check == fault.expectedCheck } },
                "the failing check is named")
        }
        // A is conformant: nothing fails on A only.
        #expect(!report.differing.contains { $0.differences.contains { $0.message.hasSuffix("fails on A only") } })
    }

    @Test("the JSON report and JUnit (valid against both XSDs) list the differences")
    func reports() async throws {
        let report = try await compare(faultsB: [.enumOutOfSet]) {
            $0.operations = [Self.createBooking, Self.getBooking]
        }
        let folder = NSTemporaryDirectory() + "specgate-compare-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CompareReportWriter.write(report, jsonPath: folder + "/compare.json", junitPath: folder + "/compare.xml")
        let json = try JSONParser().parse([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/compare.json"))))
        #expect(json["summary"]?["casesWithDifferences"]?.intValue == report.differing.count)
        #expect(json["differences"]?.arrayValue?.count == report.differing.count)
        #expect(json["summary"]?["exitCode"]?.intValue == 1)
        let xml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/compare.xml")))
        #expect(try JUnitSchemas.violations(of: xml) == [])
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.components(separatedBy: "<testsuite ").count - 1 == report.operations.count)
        #expect(text.components(separatedBy: "<failure ").count - 1 == report.differenceCount)
        // Same seed, same cases: a second comparison finds the same differing cases in the same order.
        let again = try await compare(faultsB: [.enumOutOfSet]) {
            $0.operations = [Self.createBooking, Self.getBooking]
        }
        #expect(again.differing.map(\.caseID) == report.differing.map(\.caseID))
    }

    @Test("an unreachable B: exit 3")
    func unreachable() async throws {
        let gone = try await Sandbox.start(SandboxConfiguration())
        let url = gone.baseURL
        try await gone.stop()
        let a = try await Sandbox.start(SandboxConfiguration())
        var options = RunOptions(
            path: RunHarness.suite, baseURL: a.baseURL, seed: 1, maxCasesPerOperation: 3, concurrency: 4,
            timeoutSeconds: 2,
            retries: 0, environment: ["CAL_API_KEY": RunHarness.ownerKey])
        options.operations = [Self.getBooking]
        let report: ComparisonReport
        do {
            report = try await CompareExecutor.execute(
                try RunPreparation.prepare(options), baseURLA: a.baseURL, baseURLB: url)
            try await a.stop()
        } catch {
            try? await a.stop()
            throw error
        }
        #expect(report.unreachableB && !report.unreachableA)
        #expect(report.exitCode == 3)
        #expect(report.differing.allSatisfy { $0.b.statusClass == "transport error" })
    }
}
