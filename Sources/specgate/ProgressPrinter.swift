import Foundation
import SpecGateRunner
import Synchronization

/// The progress line: rewritten in place on a terminal, a plain line every 10% otherwise.
final class ProgressPrinter: Sendable {
    private let style: ConsoleStyle
    private let lastDecile = Mutex(-1)

    init(style: ConsoleStyle) {
        self.style = style
    }

    func update(_ progress: RunProgress) {
        let text =
            "[\(progress.done)/\(progress.total)] \(progress.failures) failures, \(progress.errors) errors, "
            + "\(Int(progress.requestsPerSecond.rounded())) req/s"
        if style.liveProgress {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            return
        }
        let decile = progress.total == 0 ? 10 : progress.done * 10 / progress.total
        let shouldPrint = lastDecile.withLock { last in
            guard decile > last else { return false }
            last = decile
            return true
        }
        if shouldPrint { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    func finish() {
        if style.liveProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
