/// Why a JSON text could not be parsed, with the 1-based line and column where the parser stopped.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unexpectedEnd
        case unexpectedCharacter(String)
        case invalidNumber
        case invalidString(String)
        case invalidUTF8
        case duplicateKey(String)
        case tooDeep(limit: Int)
        case trailingContent
    }

    public var kind: Kind
    public var offset: Int
    public var line: Int
    public var column: Int
    /// JSON Pointer of the value being parsed when the error happened.
    public var pointer: JSONPointer

    public var description: String {
        let what: String
        switch kind {
        case .unexpectedEnd: what = "unexpected end of input"
        case .unexpectedCharacter(let c): what = "unexpected character \(c)"
        case .invalidNumber: what = "invalid number"
        case .invalidString(let why): what = "invalid string: \(why)"
        case .invalidUTF8: what = "invalid UTF-8"
        case .duplicateKey(let key): what = "duplicate key \"\(key)\""
        case .tooDeep(let limit): what = "nesting deeper than \(limit) levels"
        case .trailingContent: what = "unexpected content after the JSON value"
        }
        let at = pointer.tokens.isEmpty ? "" : " at \(pointer)"
        return "line \(line), column \(column): \(what)\(at)"
    }
}
