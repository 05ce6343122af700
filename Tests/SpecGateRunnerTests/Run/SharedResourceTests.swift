import SpecGateCore
import SpecGateRunner
import Testing

/// Cases of read-only operations share one linked resource per producer; cases of operations that change
/// state each get a fresh one. Counted through the run's clean-up note ("clean-up: N of M resources").
@Suite("Shared resources for read-only cases", .serialized)
struct SharedResourceTests {
    static let getBooking = "BookingsController_2024_08_13_getBooking"
    static let cancelBooking = "BookingsController_2024_08_13_cancelBooking"

    /// (removed, created) from the clean-up note.
    static func cleanUp(_ report: RunReport) -> (removed: Int, created: Int)? {
        guard let note = report.notes.first(where: { $0.hasPrefix("clean-up: ") }) else { return nil }
        let numbers = note.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count >= 2 ? (numbers[0], numbers[1]) : nil
    }

    @Test func readOnlyCasesShareOneResource() async throws {
        let report = try await RunHarness.run {
            $0.operations = [Self.getBooking]
            $0.maxCasesPerOperation = 12
        }
        #expect(report.failures.isEmpty && report.errors.isEmpty)
        let get = try #require(report.operations.first { $0.operationID == Self.getBooking })
        let getCases = get.validCases + get.invalidCases
        #expect(getCases > 2)
        // One booking for all of them, created first and cancelled last.
        #expect(Self.cleanUp(report).map { [$0.removed, $0.created] } == [1, 1])
        #expect(
            report.notes.contains {
                $0.contains("shared one resource per producer (BookingsController_2024_08_13_createBooking)")
            })
    }

    @Test func stateChangingCasesGetTheirOwn() async throws {
        let report = try await RunHarness.run {
            $0.operations = [Self.cancelBooking]
            $0.maxCasesPerOperation = 12
        }
        #expect(report.failures.isEmpty && report.errors.isEmpty)
        let cleanUp = try #require(Self.cleanUp(report))
        // Every cancel case that used a linked booking created its own.
        #expect(cleanUp.created > 2)
        #expect(!report.notes.contains { $0.contains("shared one resource") })
    }
}
