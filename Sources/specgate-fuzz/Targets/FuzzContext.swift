import Foundation

/// What some fuzz targets need from outside the input.
public struct FuzzContext: Sendable {
    /// Path of junit-10.xsd; without it the JUnit target checks well-formedness only.
    public var junitXSDPath: String?

    /// Creates a context.
    public init(junitXSDPath: String? = nil) {
        self.junitXSDPath = junitXSDPath
    }
}

extension FuzzContext {
    /// `shared/reference/junit-10.xsd` in a folder above `file` (the package sits next to `shared`,
    /// or one level deeper in a worktree), or nil.
    public static func findJUnitXSD(from file: String) -> String? {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<8 {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent("shared/reference/junit-10.xsd").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }
}
