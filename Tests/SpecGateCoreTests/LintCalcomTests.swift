import Foundation
import SpecGateJSON
import SpecGateTestSupport
import Testing

@testable import SpecGateCore

/// The raw Cal.com document, linted at the JSON level (schema rules over every component schema).
@Suite struct LintCalcomTests {
    static var root: String { PackageRoot.path }

    static func loadCalcom() throws -> (String, JSONValue) {
        let path = root + "/specs/calcom/openapi-v2.json"
        let uri = URIReference.fileURI(forPath: path)
        return (uri, try JSONParser().parse(try readFile(path)))
    }

    @Test func concurrentRulesGiveTheSameFindings() async throws {
        let (uri, document) = try Self.loadCalcom()
        let store = DocumentStore([uri: document])
        let serial = Linter().lint(documents: store, spec: nil)
        let concurrent = await Linter().lintConcurrently(documents: store, spec: nil)
        #expect(serial.count > 100)
        #expect(serial == concurrent)
    }

    @Test func rawDocumentReportsReassignCycleAndBadPatterns() throws {
        let (uri, document) = try Self.loadCalcom()
        let findings = Linter().lint(documents: DocumentStore([uri: document]), spec: nil)
        let unsatisfiable = findings.filter { $0.rule == "unsatisfiable-schema" }
        #expect(
            unsatisfiable.contains {
                $0.location.pointer.description == "/components/schemas/ReassignBookingOutput_2024_08_13"
            })
        let patterns = findings.filter { $0.rule == "invalid-pattern" }.map(\.location.pointer.description)
        #expect(
            patterns == [
                "/components/schemas/CreatePhoneCallInput/properties/numberToCall/pattern",
                "/components/schemas/CreatePhoneCallInput/properties/yourPhoneNumber/pattern",
                "/components/schemas/ScheduleAvailabilityInput_2024_06_11/properties/endTime/pattern",
                "/components/schemas/ScheduleAvailabilityInput_2024_06_11/properties/startTime/pattern",
                "/components/schemas/ScheduleOverrideInput_2024_06_11/properties/endTime/pattern",
                "/components/schemas/ScheduleOverrideInput_2024_06_11/properties/startTime/pattern",
            ])
        #expect(findings.filter { $0.rule == "unknown-format" }.count == 2)
        #expect(findings.filter { $0.rule == "unresolved-ref" }.isEmpty)
    }
}

/// Reads a whole file.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw FileReadError(path: path) }
    return [UInt8](data)
}

struct FileReadError: Error { var path: String }
