/// Why `specgate init` wrote nothing (exit 2).
public struct InitError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
