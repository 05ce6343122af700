import Foundation
import SpecGateFuzzTargets
import SpecGateTestSupport
import Testing

/// Replays every input kept under `Tests/Fuzz/regressions/<target>/` (crashes and broken invariants
/// that `make fuzz` found and that were fixed) and the seed corpora under `Tests/Fuzz/corpus/<target>/`.
@Suite struct FuzzRegressionTests {
    static var fuzzFolder: String { PackageRoot.path("Tests/Fuzz") }

    static func inputs(_ kind: String, _ target: FuzzTarget) -> [String] {
        let folder = fuzzFolder + "/" + kind + "/" + target.rawValue
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    @Test(arguments: FuzzTarget.allCases) func replay(_ target: FuzzTarget) throws {
        let context = FuzzContext(junitXSDPath: PackageRoot.reference("junit-10.xsd"))
        let files = Self.inputs("regressions", target) + Self.inputs("corpus", target)
        #expect(!Self.inputs("corpus", target).isEmpty, "no seed corpus for \(target)")
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: file))
            let problems = target.run([UInt8](data), context: context)
            #expect(problems.isEmpty, "\(file): \(problems)")
        }
    }

    @Test func invariantsCanFail() {
        // The targets do report broken invariants: a JUnit XSD that does not exist is reported.
        let problems = FuzzTarget.junit.run(
            Array("a\0b".utf8), context: FuzzContext(junitXSDPath: "/nonexistent/junit.xsd"))
        #expect(problems.contains { $0.contains("/nonexistent/junit.xsd") })
    }
}
