import SpecGateTestSupport
import Testing

/// The one rule for tests that need a program `swift build` does not make (README "Tests and CI").
@Suite struct ExternalToolTests {
    static let absent = ExternalTool(
        name: "no-such-tool", candidates: ["specgate-no-such-tool-\(UInt32.random(in: 0...UInt32.max))"],
        install: "nowhere")

    @Test func aToolIsFoundOnThePath() {
        let shell = ExternalTool(name: "sh", candidates: ["sh"], install: "")
        #expect(shell.locate(path: "/usr/bin:/bin")?.hasSuffix("/sh") == true)
        #expect(Self.absent.locate(path: "/usr/bin:/bin") == nil)
    }

    @Test func onlyCITrueOrOneIsCI() {
        #expect(ExternalTool.isCI(["CI": "true"]))
        #expect(ExternalTool.isCI(["CI": "1"]))
        #expect(!ExternalTool.isCI(["CI": "false"]))
        #expect(!ExternalTool.isCI([:]))
    }

    @Test func aMissingToolIsAKnownIssueOutsideCI() {
        // Recorded as a known issue: the test passes, and the run lists the skip with its reason.
        #expect(Self.absent.require(environment: ["PATH": "/usr/bin:/bin"]) == nil)
    }

    @Test func aMissingToolFailsInCI() {
        withKnownIssue("expected: the missing tool is a failure in CI") {
            _ = Self.absent.require(environment: ["PATH": "/usr/bin:/bin", "CI": "true"])
        }
    }
}
