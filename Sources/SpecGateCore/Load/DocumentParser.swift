import SpecGateJSON

/// Turns the bytes of a JSON or YAML document into a `JSONValue`.
///
/// JSON is used when the URI ends in `.json` or the text starts with `{` or `[`; otherwise the
/// text is YAML, read with the YAML 1.2 core schema (see `YAMLEventParser`).
public struct DocumentParser {
    /// Bounds that keep hostile documents (alias bombs, deep nesting) from exhausting memory or stack.
    public struct Limits: Sendable, Hashable {
        /// Most values a document may expand to after YAML aliases are expanded.
        public var maxNodes: Int
        /// Deepest nesting of arrays and objects.
        public var maxDepth: Int

        public init(maxNodes: Int = 5_000_000, maxDepth: Int = 512) {
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
        }
    }

    /// Parses a document with the default limits.
    public static func parse(_ bytes: [UInt8], uri: String) throws(SpecLoadError) -> JSONValue {
        try parse(bytes, uri: uri, limits: Limits())
    }

    /// Parses a document. Errors name the file and, where known, the line, column and pointer.
    public static func parse(_ bytes: [UInt8], uri: String, limits: Limits) throws(SpecLoadError) -> JSONValue {
        try parseIndexed(bytes, uri: uri, limits: limits).value
    }

    /// Parses a document and, for YAML, returns the positions its parse recorded on the way
    /// (JSON documents get theirs from `positions(in:uri:)` when first needed).
    public static func parseIndexed(
        _ bytes: [UInt8], uri: String, limits: Limits = Limits()
    ) throws(SpecLoadError) -> (value: JSONValue, positions: SourcePositions?) {
        let body = withoutBOM(bytes)
        switch syntax(of: body, uri: uri) {
        case .json:
            return (try parseJSON(body, uri: uri, limits: limits), nil)
        case .yaml:
            let parsed = try parseYAML(body, uri: uri, limits: limits)
            return (parsed.value, parsed.positions)
        case .jsonOrYAML:
            do throws(SpecLoadError) {
                return (try parseJSON(body, uri: uri, limits: limits), nil)
            } catch  where error.message.hasSuffix(tooDeepSuffix(limits)) {
                // Too deep as JSON is too deep as YAML flow collections too; say so directly.
                throw error
            } catch {
                let parsed = try parseYAML(body, uri: uri, limits: limits)
                return (parsed.value, parsed.positions)
            }
        }
    }

    private static func tooDeepSuffix(_ limits: Limits) -> String { "nesting deeper than \(limits.maxDepth) levels" }

    /// Line and column (1-based) of the value a pointer names in a JSON or YAML text; for an
    /// object member, the position of its key. Reads the whole text: to locate many pointers,
    /// build `positions(in:uri:)` once and look them up there.
    public static func locate(_ pointer: JSONPointer, in bytes: [UInt8], uri: String) -> (line: Int, column: Int)? {
        positions(in: bytes, uri: uri)?.locate(pointer)
    }

    /// The position index of a JSON or YAML text (one pass), or nil when the text does not parse.
    public static func positions(in bytes: [UInt8], uri: String) -> SourcePositions? {
        let body = withoutBOM(bytes)
        func json() -> SourcePositions { body.withUnsafeBufferPointer { JSONPositionScanner.positions(of: $0) } }
        func yaml() -> SourcePositions? { try? parseYAML(body, uri: uri, limits: Limits()).positions }
        switch syntax(of: body, uri: uri) {
        case .json:
            return json()
        case .yaml:
            return yaml()
        case .jsonOrYAML:
            return (try? JSONParser().parse(Array(body))) != nil ? json() : yaml()
        }
    }

    private enum Syntax { case json, yaml, jsonOrYAML }

    private static func syntax(of body: ArraySlice<UInt8>, uri: String) -> Syntax {
        let name = URIReference.stripFragment(uri).lowercased()
        if name.hasSuffix(".json") { return .json }
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let looksJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        guard looksJSON else { return .yaml }
        // A `.yaml` file may hold a YAML flow collection, which is not always JSON.
        return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? .jsonOrYAML : .json
    }

    private static func withoutBOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return bytes[3...] }
        return bytes[...]
    }

    private static func parseJSON(_ body: ArraySlice<UInt8>, uri: String, limits: Limits) throws(SpecLoadError)
        -> JSONValue
    {
        do {
            return try JSONParser(maxDepth: limits.maxDepth).parse(Array(body))
        } catch {
            throw loadError(error, uri: uri)
        }
    }

    private static func loadError(_ error: JSONParseError, uri: String) -> SpecLoadError {
        let what: String
        switch error.kind {
        case .unexpectedEnd: what = "unexpected end of input"
        case .unexpectedCharacter(let c): what = "unexpected character \(c)"
        case .invalidNumber: what = "invalid number"
        case .invalidString(let why): what = "invalid string: \(why)"
        case .invalidUTF8: what = "invalid UTF-8"
        case .duplicateKey(let key): what = "duplicate key \"\(key)\""
        case .tooDeep(let limit): what = "nesting deeper than \(limit) levels"
        case .trailingContent: what = "unexpected content after the JSON value"
        }
        return SpecLoadError(
            uri: uri, pointer: error.pointer, line: error.line, column: error.column, message: "malformed JSON: " + what
        )
    }

    private static func parseYAML(
        _ body: ArraySlice<UInt8>, uri: String, limits: Limits
    ) throws(SpecLoadError) -> (value: JSONValue, positions: SourcePositions) {
        if !isValidUTF8(body) {
            let position = firstInvalidUTF8(in: body)
            throw SpecLoadError(
                uri: uri, line: position.line, column: position.column,
                message: "malformed YAML: the text is not valid UTF-8")
        }
        var parser = YAMLEventParser(uri: uri, limits: limits)
        let result: Result<(value: JSONValue, positions: SourcePositions)?, SpecLoadError> =
            body.withUnsafeBufferPointer { text in
                do throws(SpecLoadError) { return .success(try parser.parse(text)) } catch { return .failure(error) }
            }
        let parsed = try result.get()
        guard let parsed else {
            throw SpecLoadError(uri: uri, line: 1, column: 1, message: "the document is empty")
        }
        return parsed
    }

    private static func isValidUTF8(_ body: ArraySlice<UInt8>) -> Bool {
        // ASCII fast path; anything else goes through the standard library's validation.
        if body.allSatisfy({ $0 < 0x80 }) { return true }
        return String(validating: body, as: UTF8.self) != nil
    }

    /// Line and column (1-based, counting characters) of the first byte that is not valid UTF-8.
    private static func firstInvalidUTF8(in body: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var decoder = UTF8()
        var iterator = body.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
