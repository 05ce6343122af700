import Foundation
import SpecGateTestSupport
import Testing

/// `specgate validate` prints every violation with pointers and exits 1 when the instance is invalid.
@Suite struct ValidateCommandTests {
    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "specgate-instance-\(UUID().uuidString).json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func reportsEveryViolation() throws {
        let path = try write(
            #"{"status":"succeeded","data":{"bookingUid":"b","reassignedTo":{"id":"7","name":"n","email":"e","displayEmail":"d"}}}"#
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SpecGateProcess.run([
            "validate", "--spec", "specs/calcom/suite.yaml", "--schema", "ReassignBookingOutput_2024_08_13", path,
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains(#"/status: "succeeded" is not one of ["success", "error"]"#))
        #expect(result.stdout.contains(#"/data/reassignedTo/id: expected number, got string "7""#))
        #expect(result.stdout.contains("2 violations"))
    }

    @Test func validInstanceExitsZero() throws {
        let path = try write(
            #"{"status":"success","data":{"bookingUid":"b","reassignedTo":{"id":7,"name":"n","email":"e@x.io","displayEmail":"d"}}}"#
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SpecGateProcess.run([
            "validate", "--spec", "specs/calcom/suite.yaml", "--schema",
            "#/components/schemas/ReassignBookingOutput_2024_08_13", path,
        ])
        #expect(result.status == 0)
    }

    @Test func rawDocumentReassignSchemaIsUnsatisfiable() throws {
        // Without the overlay, `data` must be the wrapper itself: no finite instance passes.
        let path = try write(
            #"{"status":"success","data":{"bookingUid":"b","reassignedTo":{"id":7,"name":"n","email":"e@x.io","displayEmail":"d"}}}"#
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SpecGateProcess.run([
            "validate", "--spec", "specs/calcom/openapi-v2.json", "--schema", "ReassignBookingOutput_2024_08_13", path,
        ])
        #expect(result.status == 1)
    }

    @Test func unknownSchemaAndMissingFileExitTwo() throws {
        let unknown = try SpecGateProcess.run([
            "validate", "--spec", "specs/calcom/suite.yaml", "--schema", "Nope", "/nonexistent.json",
        ])
        #expect(unknown.status == 2)
        #expect(!unknown.stderr.isEmpty)
        let bad = try SpecGateProcess.run([
            "validate", "--spec", "specs/calcom/suite.yaml", "--schema", "Nope", "--direction", "x", "-",
        ])
        #expect(bad.status != 0)
    }
}
