import Foundation

/// The package root, found from this file's path (`<root>/Tests/SpecGateTestSupport/PackageRoot.swift`):
/// the one lookup tests use for specs, fixtures, reference files and the built binary.
public enum PackageRoot {
    public static let url: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url = url.deletingLastPathComponent() }
        return url.standardizedFileURL
    }()

    /// The root's path, without a trailing slash.
    public static var path: String { url.path }

    /// `relative` (e.g. `specs/calcom/suite.yaml`) below the root.
    public static func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    public static func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}

extension PackageRoot {
    /// `shared/reference/<relative>` (XSDs, the JSON-Schema test suite): `<root>/../shared/reference` in CI
    /// and the main checkout, or the nearest ancestor's (a worktree sits deeper); nil when there is none.
    public static func reference(_ relative: String) -> String? {
        var directory = url
        for _ in 0..<6 {
            directory = directory.deletingLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/reference").appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
        return nil
    }
}
