import SpecGateCore
import SpecGateJSON
import Testing

@Suite("Root cause grouping")
struct RootCauseGroupingTests {
    static func finding(
        _ fingerprint: String, op: String, check: String = "response_schema_conformance", message: String,
        pointer: String? = nil, location: String? = nil, expected: String? = nil, actual: String? = nil
    ) -> Finding {
        Finding(
            fingerprint: fingerprint, kind: .failure, check: check, operationID: op, operationName: "GET /" + op,
            caseID: op + "/valid/0",
            mutation: nil, message: message, expected: expected, actual: actual,
            instancePointer: pointer.flatMap { JSONPointer($0) },
            schemaLocation: location.map {
                JSONLocation(document: "file:///spec.json", pointer: JSONPointer($0) ?? .root)
            },
            request: RequestSummary(method: "GET", url: "http://x/" + op, headers: [], bodyExcerpt: nil, curl: "curl"),
            response: nil)
    }

    @Test("a shared $ref target failing at different places of different operations is one root cause")
    func sharedLocation() {
        let location = "#/components/schemas/Booking/properties/start/format"
        let causes = RootCauseAnalysis.group([
            Self.finding(
                "a", op: "one", message: "/data/start: \"x\" is not a valid date-time", pointer: "/data/start",
                location: location),
            Self.finding(
                "b", op: "two", message: "/data/0/start: \"y\" is not a valid date-time", pointer: "/data/0/start",
                location: location),
            Self.finding(
                "c", op: "two", check: "status_code_conformance", message: "status 418 is not documented", actual: "418"
            ),
        ])
        #expect(causes.count == 2)
        #expect(causes.first?.findings == ["a", "b"])
        #expect(causes.first?.operations == ["one", "two"])
        #expect(causes.first?.summary.hasPrefix("`Booking.start`: ") == true)
    }

    @Test("the same header missing everywhere is one root cause; different headers are two")
    func headers() {
        func missing(_ fp: String, _ op: String, _ header: String, _ status: Int) -> Finding {
            Self.finding(
                fp, op: op, check: "response_headers_conformance",
                message: "required header \(header) is missing (status \(status))",
                location: "#/paths/~1\(op)/get/responses/\(status)/headers/\(header)", expected: header + " present",
                actual: "absent")
        }
        let causes = RootCauseAnalysis.group([
            missing("a", "one", "X-Rate", 200), missing("b", "two", "x-rate", 201),
            missing("c", "three", "X-Other", 200),
        ])
        #expect(causes.map(\.findings) == [["a", "b"], ["c"]])
        #expect(causes.first?.summary == "response header x-rate is missing")
        // Ids are stable whatever the order of the findings.
        let reversed = RootCauseAnalysis.group([
            missing("c", "three", "X-Other", 200), missing("b", "two", "x-rate", 201),
            missing("a", "one", "X-Rate", 200),
        ])
        #expect(Set(reversed.map(\.id)) == Set(causes.map(\.id)))
    }

    @Test("the same violation at different schema keywords is not grouped when the violated value differs")
    func differentValues() {
        let causes = RootCauseAnalysis.group([
            Self.finding(
                "a", op: "one", message: "/status: \"x\" is not one of [\"ok\"]", pointer: "/status",
                location: "#/components/schemas/A/properties/status/enum"),
            Self.finding(
                "b", op: "two", message: "/status: \"x\" is not one of [\"ok\"]", pointer: "/status",
                location: "#/components/schemas/B/properties/status/enum"),
            Self.finding(
                "c", op: "three", message: "/status: \"y\" is not one of [\"ok\"]", pointer: "/status",
                location: "#/components/schemas/C/properties/status/enum"),
        ])
        #expect(causes.map(\.findings) == [["a", "b"], ["c"]])
        #expect(causes.first?.summary.contains("of 2 schemas (A, B)") == true)
    }
}
