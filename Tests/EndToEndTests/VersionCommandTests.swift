import Foundation
import SpecGateRunner
import SpecGateTestSupport
import Testing

/// `specgate --version`: the version, then the commit `make release` compiled in ("unknown" in other builds).
@Suite struct VersionCommandTests {
    @Test func versionNamesTheReleaseAndTheCommit() throws {
        let result = try SpecGateProcess.run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("\(SpecGateVersion.current) (commit "))
        #expect(line.hasSuffix(")"))
        // A test build is not made by `make release`, so it has no commit compiled in.
        #expect(line == "\(SpecGateVersion.current) (commit unknown)")
    }
}

/// Help is argument-parser's, printed on stdout with exit 0, for the root and every subcommand, however asked.
@Suite struct HelpCommandTests {
    @Test(arguments: [
        ["--help"], ["run", "--help"], ["help", "run"], ["compare", "-h"], ["sandbox", "--help"], ["lint", "--help"],
    ])
    func helpExitsZeroWithTheUsage(_ arguments: [String]) throws {
        let result = try SpecGateProcess.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout.contains("USAGE:"), "\(arguments): \(result.stdout)")
        #expect(!result.stderr.contains("CommandError"))
    }
}
