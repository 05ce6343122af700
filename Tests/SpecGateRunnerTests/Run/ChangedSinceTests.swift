import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import Testing

/// `run --changed-since OLD` on the Cal.com suite against the in-process sandbox: OLD is the published
/// document with edits, so only the operations whose contract differs are run.
@Suite("Run --changed-since", .serialized)
struct ChangedSinceTests {
    static let spec = RunHarness.packageRoot + "/specs/calcom/openapi-v2.json"
    static let bookings = "/paths/~1v2~1bookings~1{bookingUid}"

    /// The Cal.com document with `edits` (pointer → JSON, nil removes), written to a temporary folder.
    static func oldSpec(_ edits: [(String, JSONValue?)]) throws -> String {
        var value = try JSONParser().parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: spec))))
        for (text, replacement) in edits {
            let pointer = try #require(JSONPointer(text))
            if let replacement {
                value = try #require(value.replacing(at: pointer, with: replacement))
            } else {
                value = try #require(value.removing(at: pointer))
            }
        }
        let folder = NSTemporaryDirectory() + "specgate-changed-since-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/old.json"
        try Data(JSONWriter().bytes(value)).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func suiteOperationCount() throws -> Int {
        try Workspace.load(path: RunHarness.suite).spec.operations.count
    }

    @Test func onlyTheEditedOperationsRun() async throws {
        // In OLD the reassign body was optional and getBooking had no 200 response.
        let old = try Self.oldSpec([
            (Self.bookings + "~1reassign~1{userId}/post/requestBody/required", false),
            (Self.bookings + "/get/responses/200", nil),
        ])
        defer { try? FileManager.default.removeItem(atPath: (old as NSString).deletingLastPathComponent) }
        let edited: Set<String> = [
            "BookingsController_2024_08_13_reassignBookingToUser", "BookingsController_2024_08_13_getBooking",
        ]
        let prepared = try RunPreparation.prepare(
            RunOptions(
                path: RunHarness.suite, baseURL: "http://127.0.0.1:9", environment: ["CAL_API_KEY": RunHarness.ownerKey]
            )
            .with { $0.changedSince = old })
        #expect(Set(prepared.operations.map(\.id)) == edited)
        let report = try await RunHarness.run { $0.changedSince = old }
        // Producers of linked identifiers (createBooking) are sent and judged too; nothing else is.
        let producers = Set(prepared.producers.keys)
        #expect(Set(report.operations.map(\.operationID)).subtracting(producers) == edited)
        let note = try #require(report.notes.first)
        #expect(note == "changed-since: 2 of \(try Self.suiteOperationCount()) operations selected (\(old))")
        #expect(report.requests > 0)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.exitCode == 0)
    }

    @Test func aSharedSchemaSelectsEveryOperationReachingIt() throws {
        // Booking attendees: a component schema shared by the booking responses.
        let old = try Self.oldSpec([("/components/schemas/BookingAttendee/properties/timeZone/minLength", 3)])
        defer { try? FileManager.default.removeItem(atPath: (old as NSString).deletingLastPathComponent) }
        let prepared = try RunPreparation.prepare(
            RunOptions(
                path: RunHarness.suite, baseURL: "http://127.0.0.1:9", environment: ["CAL_API_KEY": RunHarness.ownerKey]
            )
            .with { $0.changedSince = old })
        let target = try Workspace.load(path: RunHarness.suite)
        let reaching = target.spec.operations.filter { operation in
            ResponseSchemasReach.reaches(operation, pointer: "/components/schemas/BookingAttendee", in: target.spec)
        }
        #expect(reaching.count > 1)
        #expect(Set(prepared.operations.map(\.id)) == Set(reaching.map(\.id)))
    }

    @Test func nothingChangedSendsNothingAndPasses() async throws {
        let old = try Self.oldSpec([])
        defer { try? FileManager.default.removeItem(atPath: (old as NSString).deletingLastPathComponent) }
        let report = try await RunHarness.run { $0.changedSince = old }
        #expect(report.requests == 0)
        #expect(report.operations.isEmpty)
        #expect(
            report.notes.first == "changed-since: 0 of \(try Self.suiteOperationCount()) operations selected (\(old))")
        #expect(report.exitCode == 0)
    }

    @Test func unreadableOldSpecIsARunError() {
        #expect(throws: RunError.self) {
            try RunPreparation.prepare(
                RunOptions(
                    path: RunHarness.suite, baseURL: "http://127.0.0.1:9",
                    environment: ["CAL_API_KEY": RunHarness.ownerKey]
                )
                .with { $0.changedSince = "/nonexistent/old.json" })
        }
    }
}

extension RunOptions {
    /// A copy with `change` applied.
    func with(_ change: (inout RunOptions) -> Void) -> RunOptions {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Which operations reach a schema location through `$ref`s (an independent walk, for the test's expectation).
enum ResponseSchemasReach {
    static func reaches(_ operation: SpecGateCore.Operation, pointer: String, in spec: APISpec) -> Bool {
        var queue = [operation.source] + operation.parameters.map(\.source)
        var seen: Set<JSONLocation> = []
        while let location = queue.popLast() {
            guard seen.insert(location).inserted, let value = spec.documents.value(at: location) else { continue }
            if location.pointer.description == pointer { return true }
            collect(value, into: &queue, document: location.document)
        }
        return false
    }

    private static func collect(_ value: JSONValue, into queue: inout [JSONLocation], document: String) {
        switch value {
        case .object(let object):
            if let ref = object["$ref"]?.stringValue, ref.hasPrefix("#"), let pointer = JSONPointer(ref) {
                queue.append(JSONLocation(document: document, pointer: pointer))
            }
            for (_, child) in object { collect(child, into: &queue, document: document) }
        case .array(let elements):
            for element in elements { collect(element, into: &queue, document: document) }
        default:
            break
        }
    }
}
