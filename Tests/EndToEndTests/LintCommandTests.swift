import Foundation
import SpecGateJSON
import SpecGateTestSupport
import Testing

private func temporaryFolder() throws -> String { try SpecGateProcess.temporaryFolder() }

/// (rule, pointer, message) of each finding line, ignoring the file column.
private func findingKeys(_ result: SpecGateProcess) -> [String] {
    result.lines.filter { $0.hasPrefix("error  ") || $0.hasPrefix("warning  ") || $0.hasPrefix("info  ") }.map { line in
        let columns = line.components(separatedBy: "  ")
        return ([columns[0], columns[1]] + columns.dropFirst(3)).joined(separator: "  ")
    }
}

@Suite(.serialized) struct LintCommandTests {
    @Test func rawCalcomHasErrors() throws {
        let result = try SpecGateProcess.run(["lint", "specs/calcom/openapi-v2.json"])
        #expect(result.status == 1)
        let unsatisfiable = result.lines.filter {
            $0.hasPrefix("error  unsatisfiable-schema  specs/calcom/openapi-v2.json:")
        }
        #expect(unsatisfiable.contains { $0.contains("  #/components/schemas/ReassignBookingOutput_2024_08_13  ") })
        let patterns = result.lines.filter { $0.hasPrefix("error  invalid-pattern  ") }
        #expect(patterns.count == 6)
        #expect(patterns.filter { $0.contains("TIME_FORMAT_HH_MM") }.count == 4)
        #expect(patterns.filter { $0.contains("Remove the delimiters") }.count == 2)
        let summary = try #require(result.lines.last)
        #expect(summary.hasSuffix("warnings"))
        #expect(summary.hasPrefix("\(result.lines.filter { $0.hasPrefix("error  ") }.count) errors, "))
    }

    @Test func calcomSuiteIsRepairedByItsOverlay() throws {
        let result = try SpecGateProcess.run(["lint", "specs/calcom/suite.yaml"])
        #expect(!result.stdout.contains("unsatisfiable-schema"))
        #expect(!result.stdout.contains("invalid-pattern"))
        #expect(!result.stderr.contains("warning: "), "\(result.stderr)")
        #expect(result.status == (result.stdout.contains("\nerror  ") || result.stdout.hasPrefix("error  ") ? 1 : 0))
    }

    @Test func severityFilterAndExitCodeZero() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = folder + "/clean.json"
        try Data(
            #"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"operationId":"a","responses":{"200":{"description":"ok"}}}}}}"#
                .utf8
        ).write(to: URL(fileURLWithPath: spec))
        let all = try SpecGateProcess.run(["lint", spec])
        #expect(all.status == 0)
        #expect(all.lines.contains { $0.hasPrefix("warning  no-4xx-response  ") })
        #expect(all.lines.last == "0 errors, 1 warnings")
        let errorsOnly = try SpecGateProcess.run(["lint", spec, "--severity", "error"])
        #expect(errorsOnly.status == 0)
        #expect(errorsOnly.lines == ["0 errors, 0 warnings"])
    }

    @Test func loadErrorsExitWithTwo() throws {
        let missing = try SpecGateProcess.run(["lint", "specs/calcom/nope.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yaml"))
        #expect(missing.stderr.contains("no such file"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let broken = folder + "/broken.json"
        try Data("{\"openapi\": \"3.0.3\",\n  \"paths\": {]\n}".utf8).write(to: URL(fileURLWithPath: broken))
        let result = try SpecGateProcess.run(["lint", broken])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.json:2"))
        #expect(result.stdout.isEmpty)
    }

    @Test func jsonReport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = folder + "/lint.json"
        let result = try SpecGateProcess.run(["lint", "specs/calcom/openapi-v2.json", "--json", report])
        #expect(result.status == 1)
        let json = try JSONParser().parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: report))))
        let findings = try #require(json["findings"]?.arrayValue)
        #expect(findings.count == result.lines.count - 1)
        #expect(json["summary"]?["errors"]?.intValue == result.lines.filter { $0.hasPrefix("error  ") }.count)
        #expect(
            findings.contains {
                $0["rule"] == "unsatisfiable-schema"
                    && $0["pointer"] == "/components/schemas/ReassignBookingOutput_2024_08_13"
                    && $0["line"]?.intValue != nil
            })
        let diagnostics = try #require(json["diagnostics"]?.arrayValue)
        #expect(diagnostics.count == findings.count)
        #expect(
            diagnostics.contains {
                $0["code"] == "lint.unsatisfiable-schema" && $0["severity"] == "error"
                    && $0["file"] == "specs/calcom/openapi-v2.json"
                    && $0["pointer"] == "/components/schemas/ReassignBookingOutput_2024_08_13"
                    && $0["line"]?.intValue != nil
            })
    }

    @Test func listShowsTheBookingsOperations() throws {
        let result = try SpecGateProcess.run(["list", "specs/calcom/suite.yaml"])
        #expect(result.status == 0)
        #expect(result.lines.first?.hasPrefix("METHOD  ") == true)
        let rows = result.lines.dropFirst()
        #expect(rows.count == 17)
        #expect(
            rows.contains {
                $0.hasPrefix("POST") && $0.contains("/v2/bookings/{bookingUid}/reassign/{userId}")
                    && $0.contains("BookingsController_2024_08_13_reassignBookingToUser")
            })
        // Columns line up: every row has the path where the heading has PATH.
        let pathColumn = try #require(result.lines.first?.range(of: "PATH")).lowerBound.utf16Offset(in: result.lines[0])
        #expect(rows.allSatisfy { Array($0.utf16)[pathColumn] == UInt16(UInt8(ascii: "/")) })
        let json = try SpecGateProcess.run(["list", "specs/calcom/suite.yaml", "--json"])
        let parsed = try JSONParser().parse(Array(json.stdout.utf8))
        #expect(parsed.arrayValue?.count == 17)
        #expect(
            parsed.arrayValue?.contains { $0["requiredHeaders"]?.arrayValue?.contains("cal-api-version") == true }
                == true)
    }

    @Test(arguments: ["yaml", "json"])
    func bundleReloadsAndLintsLikeTheSuite(format: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/bundle." + format
        let bundle = try SpecGateProcess.run(["bundle", "specs/calcom/suite.yaml", "-o", output])
        #expect(bundle.status == 0, "\(bundle.stderr)")
        let suiteLint = try SpecGateProcess.run(["lint", "specs/calcom/suite.yaml"])
        let bundleLint = try SpecGateProcess.run(["lint", output])
        #expect(bundleLint.status == suiteLint.status)
        #expect(findingKeys(bundleLint) == findingKeys(suiteLint))
        let list = try SpecGateProcess.run(["list", output])
        #expect(list.lines.count == 18)
    }
}
