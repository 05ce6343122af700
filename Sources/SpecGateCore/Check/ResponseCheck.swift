/// One conformance check: judges a single exchange and returns what it found wrong (empty: passed).
///
/// `nil` means the check does not apply to this exchange (e.g. `ignored_auth` on a valid case).
public protocol ResponseCheck: Sendable {
    /// snake_case name used by `--checks`, reports and fingerprints.
    var name: String { get }
    /// One line for `--help` and the README.
    var summary: String { get }
    func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]?
}
