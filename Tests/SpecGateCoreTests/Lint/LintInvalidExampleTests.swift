import SpecGateJSON
import Testing

@testable import SpecGateCore

@Suite struct LintInvalidExampleTests {
    private let uri = "file:///spec.json"

    private func lint(_ schemas: JSONValue) -> [LintFinding] {
        let document: JSONValue = ["openapi": "3.0.3", "components": ["schemas": schemas]]
        return InvalidExampleRule().check(LintContext(documents: DocumentStore([uri: document]), spec: nil))
    }

    @Test func reportsExamplesAndDefaultsThatFailTheirSchema() {
        let findings = lint([
            "Links": [
                "type": "object",
                "properties": [
                    "status": ["type": "object", "example": "success"],
                    "count": ["type": "integer", "minimum": 1, "default": 0],
                    "when": ["type": "string", "format": "date-time", "example": "yesterday"],
                ],
            ]
        ])
        let pointers = findings.map(\.location.pointer.description).sorted()
        #expect(
            pointers == [
                "/components/schemas/Links/properties/count/default",
                "/components/schemas/Links/properties/status/example",
                "/components/schemas/Links/properties/when/example",
            ])
        #expect(findings.allSatisfy { $0.severity == .warning && $0.rule == "invalid-example" })
        let status = findings.first { $0.location.pointer.description.hasSuffix("status/example") }
        #expect(status?.message.contains("expected object") == true)
    }

    @Test func staysSilentOnValidExamples() {
        let findings = lint([
            "Ok": [
                "type": "object", "nullable": true, "example": ["a": "x"],
                "properties": ["a": ["type": "string", "enum": ["x", "y"], "default": "y", "example": "x"]],
            ]
        ])
        #expect(findings.isEmpty)
    }

    @Test func calcomStatusObjectDefectIsReported() throws {
        // The raw Cal.com document: the status-as-object defect shows up as an invalid example.
        let documents = try DocumentSetLoader(provider: DiskProvider()).load(
            rootURI: Fixtures.repositoryURI("specs/calcom/openapi-v2.json"))
        let findings = InvalidExampleRule().check(LintContext(documents: documents.store, spec: nil))
        #expect(findings.count > 50)
        #expect(
            findings.contains {
                $0.location.pointer.description
                    == "/components/schemas/CalendarLinksOutput_2024_08_13/properties/status/example"
            })
    }
}
