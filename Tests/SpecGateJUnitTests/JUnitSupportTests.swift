import Foundation
import SpecGateTestSupport
import Testing

@testable import SpecGateJUnit

@Suite struct JUnitSupportTests {
    @Test func secondsHaveAtMostThreeDecimalsAndNoExponent() {
        #expect(XMLText.formatSeconds(0.1234) == "0.123")
        #expect(XMLText.formatSeconds(0.0006) == "0.001")
        #expect(XMLText.formatSeconds(1e-9) == "0.000")
        #expect(XMLText.formatSeconds(12345.6789) == "12345.679")
        #expect(XMLText.formatSeconds(-3) == "0.000")
        #expect(XMLText.formatSeconds(.nan) == "0.000")
        #expect(XMLText.formatSeconds(.infinity) == "0.000")
        #expect(XMLText.formatSeconds(1e20) == "1000000000000.000")
    }

    @Test func duplicateNamesGetDeterministicSuffixes() {
        #expect(JUnitWriter.uniqueNames(["a", "a", "a (2)", "a", "b"]) == ["a", "a (3)", "a (2)", "a (4)", "b"])
        #expect(JUnitWriter.uniqueNames(["x", "y"]) == ["x", "y"])
    }

    @Test func sanitizeLeavesAllowedTextAlone() {
        let text = "tab\tnewline\ncr\r ünïcödé 😀 \u{7F} \u{FFFD}"
        #expect(XMLText.sanitize(text) == text)
        #expect(XMLText.sanitize("\u{0}\u{1F}\u{FFFF}") == "\\u0000\\u001F\\uFFFF")
    }

    @Test func truncationKeepsWholeScalars() {
        #expect(XMLText.truncate("aé", limit: 2) == "a\n[truncated by SpecGate: 1 of 3 bytes shown]")
        #expect(XMLText.truncate("abc", limit: 3) == "abc")
    }

    @Test func timestamps() {
        #expect(JUnitTimestamp.utc(epochSeconds: 0) == "1970-01-01T00:00:00")
        #expect(JUnitTimestamp.utc(epochSeconds: 951_782_400) == "2000-02-29T00:00:00")
        #expect(JUnitTimestamp.utc(epochSeconds: 1_772_366_461) == "2026-03-01T12:01:01")
        #expect(JUnitTimestamp.utc(epochSeconds: -1) == "1969-12-31T23:59:59")
        for valid in [
            "2026-03-01T12:00:00", "2026-03-01T12:00:00.5Z", "2024-02-29T23:59:59+01:00", "2026-03-01T24:00:00",
        ] {
            #expect(JUnitTimestamp.isValid(valid), "\(valid)")
        }
        for invalid in [
            "", "2026-03-01", "2026-03-01 12:00:00", "2025-02-29T00:00:00", "2026-13-01T00:00:00",
            "2026-03-01T12:00:00.", "2026-03-01T12:00:00+1:00", "2026-03-01T12:60:00", "2026-03-01T12:00:00ZZ",
        ] {
            #expect(!JUnitTimestamp.isValid(invalid), "\(invalid)")
        }
    }

    @Test func readerReportsMalformedDocuments() throws {
        #expect(!JUnitReader.wellFormednessErrors(Array("<a><b></a>".utf8)).isEmpty)
        #expect(!JUnitReader.wellFormednessErrors(Array("<a>\u{1B}</a>".utf8)).isEmpty)
        #expect(!JUnitReader.wellFormednessErrors(Array("<a>&#27;</a>".utf8)).isEmpty)
        #expect(!JUnitReader.wellFormednessErrors([]).isEmpty)
        #expect(JUnitReader.wellFormednessErrors(Array("<a x='&lt;'>t</a>".utf8)).isEmpty)
        #expect(throws: JUnitWriteError.self) { try JUnitReader.parse(Array("<a>".utf8)) }
        let node = try JUnitReader.parse(Array("<a x='&lt;1'><b/>t<![CDATA[]]]]><![CDATA[>]]></a>".utf8))
        #expect(node.attribute("x") == "<1")
        #expect(node.text == "t]]>")
        #expect(node.children.map(\.name) == ["b"])
    }

    @Test func validatorsRejectInvalidDocuments() throws {
        let junit10 = try JUnitValidator(xsdPath: ReferenceFiles.junit10)
        let surefire = try JUnitValidator(xsdPath: ReferenceFiles.surefire)
        let skippedOnRoot = Array(
            """
            <testsuites skipped="1"><testsuite name="s" tests="0" failures="0" errors="0"/></testsuites>
            """.utf8)
        #expect(!junit10.validate(xml: skippedOnRoot).isEmpty)
        let noTime = Array(
            """
            <testsuites><testsuite name="s" tests="1" failures="0" errors="0" skipped="0"><testcase name="c"/></testsuite>\
            <testsuite name="t" tests="0" failures="0" errors="0"/></testsuites>
            """.utf8)
        #expect(junit10.validate(xml: noTime) == [])
        let problems = surefire.validateEachTestSuite(xml: noTime)
        #expect(problems.contains { $0.hasPrefix("testsuite[1]:") && $0.contains("time") })
        #expect(problems.contains { $0.hasPrefix("testsuite[2]:") && $0.contains("skipped") })
        #expect(throws: JUnitWriteError.self) { try JUnitValidator(xsdPath: "/nonexistent.xsd") }
    }

    @Test func xmllintAgreesWithTheValidator() throws {
        guard let xmllint = ExternalTool.xmllint.require("agreement not checked") else { return }
        let validator = try JUnitValidator(xsdPath: ReferenceFiles.junit10)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgate-xmllint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents: [(String, [UInt8])] = [
            ("rich.xml", try JUnitWriter.xml(richReport())),
            ("invalid.xml", Array("<testsuites skipped=\"1\"/>".utf8)),
        ]
        for (name, xml) in documents {
            let file = directory.appendingPathComponent(name)
            try Data(xml).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--noout", "--schema", ReferenceFiles.junit10, file.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect((process.terminationStatus == 0) == validator.validate(xml: xml).isEmpty, "\(name)")
        }
    }
}
