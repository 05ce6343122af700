import Foundation
import SpecGateTestSupport
import Testing

/// `specgate lint` on hostile specs: exit code 2, one clear line on stderr naming the file, nothing
/// on stdout, no crash or stack trace.
@Suite(.serialized) struct BinaryHostileSpecTests {
    static var binary: String { SpecGateProcess.binary }

    static func lint(_ path: String) throws -> SpecGateProcess { try SpecGateProcess.run(["lint", path]) }

    static let hostile: [(name: String, bytes: [UInt8], mentions: String)] = [
        (
            "deep.json", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8),
            "nesting deeper than"
        ),
        (
            "deep.yaml",
            Array(
                ("openapi: 3.0.3\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
                    .utf8), "nesting deeper than"
        ),
        ("bomb.yaml", Array(billionLaughs.utf8), "too many YAML aliases"),
        (
            "cycle.json",
            Array(
                ##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"$ref": "#/paths/~1a"}}}"##
                    .utf8), "$ref cycle"
        ),
        ("utf8.yaml", Array("openapi: 3.0.3\ninfo: ".utf8) + [0xC0, 0xAF, 0x0A], "not valid UTF-8"),
        ("empty.yaml", [], "empty"),
        ("scalar.json", Array("42".utf8), "neither an OpenAPI document nor a suite"),
        (
            "paths.yaml", Array("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: [1]\n".utf8),
            "`paths` must be an object"
        ),
    ]

    static var billionLaughs: String {
        var text = "openapi: 3.0.3\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        return text
    }

    @Test func lintExitsWithTwoAndOneLine() throws {
        guard ExternalTool.specgate.require() != nil else { return }
        let files = try HostileFiles()
        defer { files.remove() }
        for file in Self.hostile {
            let path = try files.write(file.name, bytes: file.bytes)
            let result = try Self.lint(path)
            #expect(result.status == 2, "\(file.name): exit \(result.status)")
            #expect(result.stdout.isEmpty, "\(file.name): \(result.stdout)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(file.name): \(result.stderr)")
            #expect(
                result.stderr.contains(file.name) && result.stderr.contains(file.mentions),
                "\(file.name): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"), "\(file.name)")
        }
    }
}
