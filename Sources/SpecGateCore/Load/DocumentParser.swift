import SpecGateJSON
import Yams

/// Turns the bytes of a JSON or YAML document into a `JSONValue`.
///
/// JSON is used when the URI ends in `.json` or the text starts with `{` or `[`; otherwise the
/// text is YAML, read with the YAML 1.2 core schema (see `YAMLConverter`).
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
        let body = withoutBOM(bytes)
        switch syntax(of: body, uri: uri) {
        case .json:
            return try parseJSON(body, uri: uri, limits: limits)
        case .yaml:
            return try parseYAML(body, uri: uri, limits: limits)
        case .jsonOrYAML:
            if let value = try? parseJSON(body, uri: uri, limits: limits) { return value }
            return try parseYAML(body, uri: uri, limits: limits)
        }
    }

    /// Line and column (1-based) of the value a pointer names in a JSON or YAML text; for an
    /// object member, the position of its key. Re-scans the text, so use it only for reporting.
    public static func locate(_ pointer: JSONPointer, in bytes: [UInt8], uri: String) -> (line: Int, column: Int)? {
        let body = withoutBOM(bytes)
        switch syntax(of: body, uri: uri) {
        case .json:
            return TextLocator.locateInJSON(pointer, in: body)
        case .yaml:
            return TextLocator.locateInYAML(pointer, in: body)
        case .jsonOrYAML:
            return TextLocator.locateInJSON(pointer, in: body) ?? TextLocator.locateInYAML(pointer, in: body)
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

    private static func parseJSON(_ body: ArraySlice<UInt8>, uri: String, limits: Limits) throws(SpecLoadError) -> JSONValue {
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
            uri: uri, pointer: error.pointer, line: error.line, column: error.column, message: "malformed JSON: " + what)
    }

    private static func parseYAML(_ body: ArraySlice<UInt8>, uri: String, limits: Limits) throws(SpecLoadError) -> JSONValue {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw SpecLoadError(uri: uri, message: "malformed YAML: the text is not valid UTF-8")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw yamlError(error, uri: uri)
        }
        guard let root else {
            throw SpecLoadError(uri: uri, line: 1, column: 1, message: "the document is empty")
        }
        var converter = YAMLConverter(uri: uri, limits: limits)
        return try converter.convert(root)
    }

    /// The line of the next block-mapping key `key` at the same column as `first`, before the
    /// mapping ends (a less indented line), or nil.
    private static func repeatedKeyLine(_ key: String, after first: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        var index = first.line
        while index < lines.count {
            let line = lines[index].unicodeScalars
            index += 1
            let leading = line.prefix { $0 == " " }.count
            let rest = String(String.UnicodeScalarView(line.dropFirst(leading)))
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if leading < indent { return nil }
            guard leading == indent, rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " }
            if after.hasPrefix(":") { return index }
        }
        return nil
    }

    private static func yamlError(_ error: any Error, uri: String) -> SpecLoadError {
        guard let yaml = error as? YamlError else {
            return SpecLoadError(uri: uri, message: "malformed YAML: \(error)")
        }
        func context(_ c: YamlError.Context?) -> String {
            guard let c, !c.text.isEmpty else { return "" }
            return " (\(c.text) at line \(c.mark.line))"
        }
        switch yaml {
        case .scanner(let c, let problem, let mark, _), .parser(let c, let problem, let mark, _),
            .composer(let c, let problem, let mark, _):
            return SpecLoadError(
                uri: uri, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)\(context(c))")
        case .reader(let problem, let offset, _, _):
            let at = offset.map { " at byte \($0)" } ?? ""
            return SpecLoadError(uri: uri, message: "malformed YAML: \(problem)\(at)")
        case .duplicatedKeysInMapping(let duplicates, let c):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            // Yams marks the first occurrence; point at the repetition when it can be found.
            if let key = duplicates.first, let line = repeatedKeyLine(key, after: c.mark, in: c.text) {
                return SpecLoadError(
                    uri: uri, line: line, column: c.mark.column,
                    message: "duplicate key \(names) (first written at line \(c.mark.line))")
            }
            return SpecLoadError(
                uri: uri, line: c.mark.line, column: c.mark.column, message: "duplicate key \(names) in a mapping")
        default:
            return SpecLoadError(uri: uri, message: "malformed YAML: \(yaml)")
        }
    }
}
