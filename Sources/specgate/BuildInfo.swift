import SpecGateRunner

/// What `specgate --version` prints: the version and the git commit the binary was built from.
///
/// `make release` writes `Generated/BuildCommitValue.swift` (git-ignored) with the commit and compiles with
/// `-DSPECGATE_BUILD_COMMIT`; every other build has no commit and prints "unknown".
enum BuildInfo {
    #if SPECGATE_BUILD_COMMIT
        static let commit: String = BuildCommitValue.commit
    #else
        static let commit = "unknown"
    #endif

    static var versionLine: String { "\(SpecGateVersion.current) (commit \(commit))" }
}
