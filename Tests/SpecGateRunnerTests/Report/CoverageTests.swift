import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateJUnit
import SpecGateRunner
import SpecGateSandbox
import Testing

/// Contract coverage: documented statuses observed per operation, enum values seen in bodies, and
/// `--min-coverage`.
@Suite("Contract coverage", .serialized)
struct CoverageTests {
    static let listBookings = "BookingsController_2024_08_13_getBookings"

    @Test("statuses and enum values observed are recorded and reported")
    func coverageRecorded() async throws {
        let report = try await RunHarness.run { options in
            options.operations = [Self.listBookings]
            options.maxCasesPerOperation = 8
        }
        let coverage = try #require(report.coverage)
        let operation = try #require(coverage.operations.first { $0.operationID == Self.listBookings })
        #expect(operation.documented.contains("200"))
        #expect(operation.observed.contains("200"), "valid cases get 200")
        #expect(Set(operation.observed).isSubset(of: operation.documented))
        #expect(operation.observed.count < operation.documented.count || operation.undocumented.isEmpty)
        #expect(!operation.enums.isEmpty, "the bookings response has enums (status, …)")
        #expect(operation.enumValuesObserved > 0, "seeded bookings carry enum values")
        for e in operation.enums { #expect(Set(e.observed).isSubset(of: e.values)) }
        #expect(coverage.observedStatuses == coverage.operations.reduce(0) { $0 + $1.observed.count })

        let junit = JUnitReportBuilder.build(report)
        let suite = try #require(junit.suites.first { $0.name == Self.listBookings })
        #expect(
            suite.properties.contains { $0.name == "coverage.statuses" && $0.value.hasPrefix(operation.statusRatio) })
        let console = ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(report)
        #expect(console.contains("contract coverage: \(coverage.observedStatuses)/\(coverage.documentedStatuses)"))
        let json = RunReportJSON.encode(report).objectValue?["coverage"]?.objectValue
        #expect(json?["observedStatuses"]?.intValue == coverage.observedStatuses)
    }

    @Test("--min-coverage fails the run below the threshold only")
    func minimumCoverage() async throws {
        // Recordings document 403, which only another organiser's key provokes: never observed here.
        let strict = try await RunHarness.run { options in
            options.operations = ["BookingsController_2024_08_13_getBookingRecordings"]
            options.minimumCoveragePercent = 100
        }
        let coverage = try #require(strict.coverage)
        #expect(coverage.statusPercent < 100, "the sandbox does not produce every documented status")
        #expect(coverage.belowMinimum)
        #expect(strict.findings.map(\.message) == [])
        #expect(strict.exitCode == 1)
        #expect(
            ConsoleSummary(style: ConsoleStyle(colors: false, liveProgress: false)).render(strict).contains(
                "is below --min-coverage 100.0%"))
        var lenient = strict
        lenient.coverage?.minimumPercent = coverage.statusPercent
        #expect(lenient.exitCode == 0)
    }

    @Test("merging unions observed statuses and enum values")
    func mergeUnion() throws {
        let a = ContractCoverage(operations: [
            OperationCoverage(
                operationID: "op", documented: ["200", "400", "500"], observed: ["200"], undocumented: [],
                enums: [EnumCoverage(location: "x", values: ["\"a\"", "\"b\""], observed: ["\"a\""])])
        ])
        let b = ContractCoverage(operations: [
            OperationCoverage(
                operationID: "op", documented: ["200", "400", "500"], observed: ["400"], undocumented: [418],
                enums: [EnumCoverage(location: "x", values: ["\"a\"", "\"b\""], observed: ["\"b\""])])
        ])
        let merged = a.merged(with: b)
        #expect(merged.operations.count == 1)
        #expect(merged.operations[0].observed == ["200", "400"])
        #expect(merged.operations[0].undocumented == [418])
        #expect(merged.operations[0].enums[0].observed == ["\"a\"", "\"b\""])
        #expect(merged.observedStatuses == 2 && merged.documentedStatuses == 3)
    }
}
