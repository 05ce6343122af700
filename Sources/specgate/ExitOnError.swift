import ArgumentParser
import Foundation

/// Runs `body`; when it throws, the tool cannot go on: prints `error: …` on stderr and exits 2.
func exitOnError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
