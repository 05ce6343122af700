/// How a test case ended. At most one `failure`, `error` or `skipped` element is written.
public enum JUnitOutcome: Sendable, Hashable {
    /// No child element.
    case passed
    /// An assertion (contract check) failed: `failure` with `message`, `type` and the details as text.
    case failure(message: String, type: String, details: String)
    /// The test could not run to completion (e.g. a transport error): `error` element.
    case error(message: String, type: String, details: String)
    /// Not run: `skipped` element with a `message`.
    case skipped(message: String)
}
