import Foundation
import SpecGateJUnit
import SpecGateTestSupport
import Testing

/// `specgate lint --junit` writes JUnit XML that both reference schemas accept.
@Suite struct LintJUnitTests {

    @Test(arguments: ["specs/calcom/openapi-v2.json", "specs/calcom/suite.yaml"])
    func junitValidatesAgainstBothSchemas(target: String) throws {
        let path = NSTemporaryDirectory() + "specgate-lint-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SpecGateProcess.run(["lint", target, "--junit", path])
        #expect(result.status == (target.hasSuffix(".json") ? 1 : 0))
        let xml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(JUnitReader.wellFormednessErrors(xml).isEmpty)
        #expect(try JUnitSchemas.violations(of: xml) == [])
        let text = String(decoding: xml, as: UTF8.self)
        if target.hasSuffix(".json") {
            // The raw document's defects are failures named by their JSON pointer.
            #expect(text.contains("ReassignBookingOutput_2024_08_13"))
            #expect(text.contains("<failure"))
        } else {
            #expect(!text.contains("<failure"))
        }
    }
}
