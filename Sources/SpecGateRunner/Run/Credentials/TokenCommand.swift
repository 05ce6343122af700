import Foundation
import SpecGateCore

/// `auth.command`: a program whose trimmed standard output is the token.
enum TokenCommand {
    /// Runs `argv` (the program found on PATH); its standard output, trimmed, is the token. A command still
    /// running after `timeout` is killed with its process group (Foundation starts it as a group leader, so
    /// `sh -c` and whatever it started go too).
    static func run(_ argv: [String], environment: [String: String], timeout: Duration) async -> Result<
        String, RunError
    > {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let name = argv.first ?? ""
        let (ended, endedSink) = AsyncStream<Result<String, RunError>>.makeStream()
        process.terminationHandler = { finished in
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            let text = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let result: Result<String, RunError>
            if finished.terminationStatus != 0 {
                let reason =
                    String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline).first.map {
                        ": " + $0.prefix(200)
                    } ?? ""
                result = .failure(RunError("(\(name)) exited with status \(finished.terminationStatus)\(reason)"))
            } else if text.isEmpty {
                result = .failure(RunError("(\(name)) printed nothing"))
            } else if text.contains(where: \.isNewline) {
                result = .failure(RunError("(\(name)) printed more than one line"))
            } else {
                result = .success(text)
            }
            endedSink.yield(result)
            endedSink.finish()
        }
        do {
            try process.run()
        } catch {
            return .failure(RunError("(\(name)) could not be started: \(error.localizedDescription)"))
        }
        let pid = process.processIdentifier
        let seconds = timeout.seconds
        // Whichever comes first: the command's end, or the timeout (which kills it).
        return await withTaskGroup(of: Result<String, RunError>?.self) { group in
            group.addTask {
                for await result in ended { return result }
                return nil
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return nil
                }
                if kill(-pid, SIGKILL) != 0 { kill(pid, SIGKILL) }
                let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
                return .failure(RunError("(\(name)) did not finish within \(shown) s (`timeout`) and was killed"))
            }
            var outcome: Result<String, RunError>?
            while let next = await group.next() {
                if let next {
                    outcome = next
                    break
                }
            }
            group.cancelAll()
            return outcome ?? .failure(RunError("(\(name)) ended without a result"))
        }
    }
}
