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
