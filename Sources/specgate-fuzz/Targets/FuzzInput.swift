/// Splits fuzz inputs into parts.
enum FuzzInput {
    /// The bytes before the first newline and the bytes after it (the whole input and nothing when
    /// there is no newline).
    static func splitFirstLine(_ input: [UInt8]) -> (head: [UInt8], rest: [UInt8]) {
        guard let newline = input.firstIndex(of: 0x0A) else { return (input, []) }
        return (Array(input[..<newline]), Array(input[(newline + 1)...]))
    }

    /// The input cut at NUL bytes into strings (invalid UTF-8 repaired with U+FFFD).
    static func strings(_ input: [UInt8]) -> [String] {
        input.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
