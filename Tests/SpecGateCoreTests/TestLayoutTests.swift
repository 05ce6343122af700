import Foundation
import SpecGateTestSupport
import Testing

/// Test folders mirror source folders (README "Tests and CI"): every folder below `Tests/<Target>Tests` is a
/// folder of `Sources/<Target>`, and every folder directly in `Tests/` is a test target of a source target or
/// one of the few named here with what it serves.
@Suite struct TestLayoutTests {
    /// `Tests/` folders that are not `<Target>Tests`, and what they serve.
    static let others: [String: String] = [
        "EndToEndTests": "the specgate binary (Sources/specgate)",
        "HardeningTests": "hostile specs and servers, across modules",
        "SpecGateLibraryTests": "the SpecGate library (Sources/SpecGate)",
        "SpecGateTestSupport": "helpers of the test targets",
        "Fixtures": "shared test files",
        "Fuzz": "corpora of specgate-fuzz (Sources/specgate-fuzz)",
        "Bench": "scripts of specgate-bench (Sources/specgate-bench)",
    ]
    /// Folders of test data inside a test target (not mirrors of source folders).
    static let dataFolders: Set<String> = ["Fixtures", "Resources"]

    static func folders(_ path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    @Test func everyTestsFolderServesASourceTarget() {
        let sources = Set(Self.folders(PackageRoot.path("Sources")))
        let stray = Self.folders(PackageRoot.path("Tests")).filter { name in
            guard Self.others[name] == nil else { return false }
            return !(name.hasSuffix("Tests") && sources.contains(String(name.dropLast(5))))
        }
        #expect(stray == [], "folders in Tests/ that match no target in Sources/")
    }

    @Test func testTargetFoldersMirrorSourceFolders() {
        var unmatched: [String] = []
        for target in Self.folders(PackageRoot.path("Tests")) where target.hasSuffix("Tests") {
            let source = PackageRoot.path("Sources/" + target.dropLast(5))
            guard FileManager.default.fileExists(atPath: source) else { continue }
            func walk(_ relative: String) {
                for folder in Self.folders(PackageRoot.path("Tests/\(target)" + relative))
                where !Self.dataFolders.contains(folder) {
                    let path = relative + "/" + folder
                    if !FileManager.default.fileExists(atPath: source + path) {
                        unmatched.append("Tests/\(target)\(path)")
                    }
                    walk(path)
                }
            }
            walk("")
        }
        #expect(unmatched == [], "test folders with no source folder of the same name")
        #expect(FileManager.default.fileExists(atPath: PackageRoot.path("Tests/SpecGateCoreTests/Check/Checks")))
    }
}
