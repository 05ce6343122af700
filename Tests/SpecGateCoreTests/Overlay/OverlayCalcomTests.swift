import SpecGateJSON
import Testing

@testable import SpecGateCore

/// `specs/calcom/overlay.yaml` against the raw Cal.com document.
@Suite struct OverlayCalcomTests {
    @Test func calcomOverlayAppliesCleanlyAndRepairsIssue2() throws {
        let (uri, document) = try LintCalcomTests.loadCalcom()
        let overlayPath = LintCalcomTests.root + "/specs/calcom/overlay.yaml"
        let overlayURI = URIReference.fileURI(forPath: overlayPath)
        let overlay = try Overlay(
            parsing: try DocumentParser.parse(try readFile(overlayPath), uri: overlayURI), uri: overlayURI)
        #expect(overlay.actions.allSatisfy { $0.description?.isEmpty == false })
        let (patched, warnings) = try OverlayEngine.apply(overlay, to: document)
        #expect(warnings.isEmpty)
        let data = patched["components"]?["schemas"]?["ReassignBookingOutput_2024_08_13"]?["properties"]?["data"]
        #expect(data?["required"] == ["bookingUid", "reassignedTo"])
        #expect(data?["oneOf"] == nil && data?["allOf"] == nil)
        #expect(data?["properties"]?["reassignedTo"] == ["$ref": "#/components/schemas/ReassignedToDto"])
        let start = patched["components"]?["schemas"]?["ScheduleAvailabilityInput_2024_06_11"]?["properties"]?[
            "startTime"]?["pattern"]
        #expect(start == "^([01]\\d|2[0-3]):[0-5]\\d$")
        let phone = patched["components"]?["schemas"]?["CreatePhoneCallInput"]?["properties"]?["numberToCall"]?[
            "pattern"]
        #expect(phone == "^\\+[1-9]\\d{1,14}$")
        let findings = Linter().lint(documents: DocumentStore([uri: patched]), spec: nil)
        #expect(!findings.contains { $0.rule == "invalid-pattern" })
        #expect(!findings.contains { $0.location.pointer.description.contains("ReassignBookingOutput_2024_08_13") })
        // Outside the Bookings operations, the paths are untouched.
        guard case .object(let before)? = document["paths"], case .object(let after)? = patched["paths"] else {
            Issue.record("paths missing")
            return
        }
        for (path, item) in before where !path.hasPrefix("/v2/bookings") {
            #expect(after[path] == item, "\(path) changed")
        }
        // Every Bookings operation documents the error envelope.
        let reassign = patched["paths"]?["/v2/bookings/{bookingUid}/reassign/{userId}"]?["post"]?["responses"]
        #expect(
            reassign?["403"]?["content"]?["application/json"]?["schema"] == [
                "$ref": "#/components/schemas/SpecGateErrorOutput"
            ])
    }
}
