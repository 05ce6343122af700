import Foundation

/// How console output looks: colours (off with `NO_COLOR` or when not a terminal) and progress mode.
public struct ConsoleStyle: Sendable {
    public var colors: Bool
    /// A live progress line (carriage return) instead of plain lines.
    public var liveProgress: Bool

    public init(colors: Bool, liveProgress: Bool) {
        self.colors = colors
        self.liveProgress = liveProgress
    }

    /// From the environment: a TTY on stdout enables the live line; `NO_COLOR` (any value) disables colours.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConsoleStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColor = environment["NO_COLOR"] != nil || environment["TERM"] == "dumb"
        return ConsoleStyle(colors: tty && !noColor, liveProgress: tty)
    }

    public func red(_ s: String) -> String { paint(s, "31") }
    public func green(_ s: String) -> String { paint(s, "32") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func bold(_ s: String) -> String { paint(s, "1") }

    private func paint(_ s: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
