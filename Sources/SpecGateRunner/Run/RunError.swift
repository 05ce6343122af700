/// Why a run could not start (exit 2): usage or spec problems, never contract violations.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
