import Foundation

/// Locates `shared/reference` (the XSDs) by walking up from this file: `<package root>/../shared/reference`
/// in CI and the main checkout, one level further up from a worktree under `wt/`.
enum ReferenceFiles {
    static let directory: String? = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent("shared/reference")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("junit-10.xsd").path) {
                return candidate.path
            }
        }
        return nil
    }()

    static var junit10: String { (directory ?? "shared/reference") + "/junit-10.xsd" }
    static var surefire: String { (directory ?? "shared/reference") + "/surefire-test-report.xsd" }
}
