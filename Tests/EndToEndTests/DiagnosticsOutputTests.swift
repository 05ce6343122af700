import Foundation
import SpecGateJSON
import SpecGateTestSupport
import Testing

/// Errors and warnings reach stderr in one format (`severity: file:line: #/pointer: message`), printed by
/// `SpecGate.main`, with the README's exit codes; a run's warnings are typed diagnostics in its JSON report.
@Suite(.serialized) struct DiagnosticsOutputTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200': {description: ok}
        """

    static func write(_ files: [String: String]) throws -> String {
        let folder = try SpecGateProcess.temporaryFolder(prefix: "specgate-diagnostics")
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func aSpecErrorIsOneLineWithFileLineAndPointer() throws {
        let folder = try Self.write([
            "spec.yaml": Self.spec.replacingOccurrences(
                of: "'200': {description: ok}", with: "'200': {description: [1]}")
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try SpecGateProcess.run(["lint", folder + "/spec.yaml"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: \(folder)/spec.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("#/paths/~1things/get/responses/200"), "\(result.stderr)")
    }

    @Test func aUsageProblemFoundWhileRunningExitsTwo() throws {
        let folder = try Self.write(["spec.yaml": Self.spec])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try SpecGateProcess.run([
            "run", folder + "/spec.yaml", "--base-url", "http://127.0.0.1:1", "--operation", "nope",
        ])
        #expect(result.status == 2)
        #expect(result.stderr == "error: no operation matches --operation nope\n", "\(result.stderr)")
    }

    @Test func overlayWarningsAreTypedEverywhere() throws {
        let folder = try Self.write([
            "spec.yaml": Self.spec,
            "overlay.yaml":
                "overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions:\n  - target: $.paths['/nothing']\n    remove: true\n",
            "suite.yaml": "name: d\nspec: spec.yaml\noverlays: [overlay.yaml]\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lint = try SpecGateProcess.run(["lint", folder + "/suite.yaml"])
        #expect(
            lint.stderr.contains("warning: \(folder)/overlay.yaml: #/actions/0: overlay action 0"), "\(lint.stderr)")

        let plan = try SpecGateProcess.run(["plan", folder + "/suite.yaml"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(
            plan.stdout.contains("# warning: \(folder)/overlay.yaml: #/actions/0: overlay action 0"), "\(plan.stdout)")

        let json = folder + "/report.json"
        let server = try SpecGateProcess.run([
            "run", folder + "/suite.yaml", "--base-url", "http://127.0.0.1:1", "--json", json,
        ])
        #expect(server.status == 3, "nothing listens on port 1: \(server.stderr)")
        let report = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
        guard case .array(let diagnostics)? = report["diagnostics"] else {
            Issue.record("no diagnostics in \(json)")
            return
        }
        let overlay = diagnostics.first { $0["code"] == .string("overlay.action") }
        #expect(overlay?["severity"] == .string("warning"))
        #expect(overlay?["file"] == .string(folder + "/overlay.yaml"))
        #expect(overlay?["pointer"] == .string("/actions/0"))
        guard case .array(let notes)? = report["notes"] else {
            Issue.record("no notes in \(json)")
            return
        }
        #expect(notes.count == diagnostics.count)
    }
}
