/// Which way an instance travels; decides how `readOnly` and `writeOnly` affect `required`.
public enum ValidationDirection: Sendable, Hashable {
    /// A request body or parameter: `readOnly` properties are not required.
    case request
    /// A response body: `writeOnly` properties are not required.
    case response
    /// Neither: `readOnly`/`writeOnly` have no effect.
    case neutral
}
