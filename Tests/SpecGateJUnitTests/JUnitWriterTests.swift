import Foundation
import Testing

@testable import SpecGateJUnit

/// Every character XML 1.0 forbids that a Swift string can hold.
let forbiddenScalars: [Unicode.Scalar] =
    (0x00...0x1F).filter { ![0x09, 0x0A, 0x0D].contains($0) }.compactMap { Unicode.Scalar(UInt32($0)) }
    + [Unicode.Scalar(0xFFFE as UInt32), Unicode.Scalar(0xFFFF as UInt32)].compactMap { $0 }

/// A report exercising every outcome, properties, Unicode, special characters and duplicates.
func richReport() -> JUnitReport {
    let nasty = "a<b>&c\"d'e ]]> f\u{1B}[31m red\u{0}nul \u{FFFE}"
    let cases = [
        JUnitTestCase(classname: "GET /v2/bookings", name: "valid request", time: 0.1234),
        JUnitTestCase(
            classname: "GET /v2/bookings", name: "valid request", time: 1,
            outcome: .failure(
                message: "status 500 not documented", type: "undocumented-status", details: "body: \(nasty)")),
        JUnitTestCase(
            classname: "POST /v2/bookings", name: "missing body", time: 0.0004,
            outcome: .error(message: "connection refused", type: "transport", details: "after 3 attempts")),
        JUnitTestCase(classname: "DELETE /v2/x", name: "skipped one", outcome: .skipped(message: "needs auth <token>")),
        JUnitTestCase(
            classname: "PATCH /v2/y", name: "flaky ✓ 日本語 😀", time: 2.5,
            outcome: .passed, systemOut: "stdout ]]> \(nasty)", systemErr: "stderr \u{7}",
            flakyFailures: [
                JUnitFlaky(message: "first try: 503", type: "status", details: "trace \(nasty)", systemOut: "out"),
                JUnitFlaky(message: "second try: timeout", type: "transport"),
            ]),
        JUnitTestCase(
            classname: "PATCH /v2/y", name: "valid request",
            outcome: .error(message: nasty, type: nasty, details: ""),
            flakyFailures: [JUnitFlaky(message: "m", type: "t")]),
    ]
    return JUnitReport(
        name: "SpecGate \(nasty)",
        suites: [
            JUnitTestSuite(
                name: "calcom", timestamp: "2026-03-01T12:00:00", hostname: "ci-host", time: 3.62,
                properties: [(name: "baseURL", value: "http://127.0.0.1:8080/api"), (name: "seed", value: nasty)],
                testCases: cases, systemOut: "suite out \u{1}", systemErr: "suite err"),
            JUnitTestSuite(name: "empty suite"),
            JUnitTestSuite(
                name: "calcom", timestamp: "2026-03-01T12:00:00Z", time: 0.5,
                testCases: [JUnitTestCase(classname: "c", name: "n")]),
        ])
}

@Suite struct JUnitWriterTests {
    let junit10: JUnitValidator
    let surefire: JUnitValidator

    init() throws {
        junit10 = try JUnitValidator(xsdPath: ReferenceFiles.junit10)
        surefire = try JUnitValidator(xsdPath: ReferenceFiles.surefire)
    }

    func expectValid(_ xml: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(JUnitReader.wellFormednessErrors(xml) == [], sourceLocation: sourceLocation)
        #expect(junit10.validate(xml: xml) == [], sourceLocation: sourceLocation)
        #expect(surefire.validateEachTestSuite(xml: xml) == [], sourceLocation: sourceLocation)
    }

    @Test func richReportIsWellFormedAndValidAgainstBothSchemas() throws {
        let xml = try JUnitWriter.xml(richReport())
        expectValid(xml)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(text.split(separator: "\n").dropFirst().first?.hasPrefix("<testsuites name=") == true)
    }

    @Test func contentSurvivesTheRoundTrip() throws {
        let root = try JUnitReader.parse(JUnitWriter.xml(richReport()))
        #expect(root.name == "testsuites")
        #expect(root.attribute("tests") == "7")
        #expect(root.attribute("failures") == "1")
        #expect(root.attribute("errors") == "2")
        #expect(root.attribute("skipped") == nil)
        #expect(root.attribute("time") == "4.120")
        #expect(root.attribute("name") == "SpecGate a<b>&c\"d'e ]]> f\\u001B[31m red\\u0000nul \\uFFFE")

        let suites = root.children(named: "testsuite")
        #expect(suites.map { $0.attribute("name") } == ["calcom", "empty suite", "calcom (2)"])
        let suite = suites[0]
        #expect(suite.attribute("skipped") == "1")
        #expect(suite.attribute("hostname") == nil)
        #expect(suite.attribute("timestamp") == "2026-03-01T12:00:00")
        let properties = suite.children(named: "properties").first?.children(named: "property") ?? []
        #expect(
            properties.map { $0.attribute("name") ?? "" } == [
                "baseURL", "seed", "hostname", "system-out", "system-err",
            ])
        #expect(properties[3].attribute("value") == "suite out \\u0001")

        let cases = suite.children(named: "testcase")
        #expect(
            cases.map { $0.attribute("name") ?? "" }
                == [
                    "valid request", "valid request (2)", "missing body", "skipped one", "flaky ✓ 日本語 😀",
                    "valid request (3)",
                ])
        #expect(cases.map { $0.attribute("time") ?? "" } == ["0.123", "1.000", "0.000", "0.000", "2.500", "0.000"])
        let failure = try #require(cases[1].children(named: "failure").first)
        #expect(failure.attribute("type") == "undocumented-status")
        #expect(failure.text == "body: a<b>&c\"d'e ]]> f\\u001B[31m red\\u0000nul \\uFFFE")
        #expect(cases[2].children(named: "error").first?.attribute("message") == "connection refused")
        #expect(cases[3].children(named: "skipped").first?.attribute("message") == "needs auth <token>")
        #expect(cases[4].children.map(\.name) == ["flakyFailure", "flakyFailure", "system-out", "system-err"])
        #expect(cases[4].children[0].children(named: "stackTrace").first?.text.hasPrefix("trace a<b>") == true)
        #expect(cases[4].children(named: "system-err").first?.text == "stderr \\u0007")
        #expect(cases[5].children.map(\.name) == ["flakyFailure", "error"])
    }

    @Test(arguments: forbiddenScalars)
    func everyForbiddenCharacterIsReplacedVisibly(_ scalar: Unicode.Scalar) throws {
        let value = "x\(Character(scalar))y"
        let report = JUnitReport(
            name: value,
            suites: [
                JUnitTestSuite(
                    name: value, properties: [(name: value, value: value)],
                    testCases: [
                        JUnitTestCase(
                            classname: value, name: value,
                            outcome: .failure(message: value, type: value, details: value), systemOut: value)
                    ])
            ])
        let xml = try JUnitWriter.xml(report)
        expectValid(xml)
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let escaped = "x\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "y"
        let root = try JUnitReader.parse(xml)
        let testCase = try #require(root.children.first?.children(named: "testcase").first)
        #expect(root.attribute("name") == escaped)
        #expect(testCase.attribute("name") == escaped)
        #expect(testCase.children(named: "failure").first?.text == escaped)
        #expect(testCase.children(named: "system-out").first?.text == escaped)
    }

    @Test func emptyReportsAreValid() throws {
        expectValid(try JUnitWriter.xml(JUnitReport(name: "")))
        expectValid(try JUnitWriter.xml(JUnitReport(name: "x", suites: [JUnitTestSuite(name: "")])))
    }

    @Test func hugeDetailsAreTruncatedWithAMarker() throws {
        let huge = String(repeating: "é", count: 100_000)  // 200 000 UTF-8 bytes
        let report = JUnitReport(
            name: "r",
            suites: [
                JUnitTestSuite(
                    name: "s",
                    testCases: [
                        JUnitTestCase(
                            classname: "c", name: String(repeating: "n", count: 20_000),
                            outcome: .failure(message: huge, type: "t", details: huge))
                    ])
            ])
        let xml = try JUnitWriter.xml(report)
        expectValid(xml)
        #expect(xml.count < 100_000)
        let testCase = try #require(try JUnitReader.parse(xml).children.first?.children(named: "testcase").first)
        let details = try #require(testCase.children(named: "failure").first?.text)
        #expect(details.hasPrefix(String(repeating: "é", count: 32_768)))
        #expect(details.hasSuffix("[truncated by SpecGate: 65536 of 200000 bytes shown]"))
        #expect(testCase.attribute("name")?.hasSuffix("[truncated by SpecGate: 8192 of 20000 bytes shown]") == true)
    }

    @Test func invalidTimestampIsRejected() {
        let report = JUnitReport(name: "r", suites: [JUnitTestSuite(name: "s", timestamp: "yesterday")])
        #expect(throws: JUnitWriteError.self) { try JUnitWriter.xml(report) }
    }

    @Test func writesToAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgate-junit-\(UUID().uuidString).xml"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try JUnitWriter.write(richReport(), toPath: path)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect([UInt8](written) == (try JUnitWriter.xml(richReport())))
        #expect(throws: JUnitWriteError.self) {
            try JUnitWriter.write(richReport(), toPath: "/nonexistent-dir/report.xml")
        }
    }
}
