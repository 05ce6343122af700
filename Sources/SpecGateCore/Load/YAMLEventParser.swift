import CYaml
import SpecGateJSON

/// Reads a YAML text into a `JSONValue` straight from libyaml's event stream (no intermediate
/// node tree), recording every member's position (`SourcePositions`) on the way.
///
/// YAML 1.2 core schema: plain `true`/`false`, `null`/`~`/empty, integers (decimal, `0x`, `0o`)
/// and floats become JSON values, everything else (and every quoted or block scalar) is a string.
/// Tags such as `!!str` are honoured, keys are stringified and `<<` merge keys are applied.
/// Duplicate keys are errors. One document per file.
///
/// An alias shares the anchored value, and its expanded size and depth are added up as the
/// events arrive: an alias bomb fails fast (`Limits.maxNodes`) instead of exhausting memory or
/// time, and nesting through aliases is held to `Limits.maxDepth`.
struct YAMLEventParser {
    let uri: String
    let limits: DocumentParser.Limits

    /// A finished node on its way into its parent.
    private struct Built {
        var value: JSONValue
        var size: Int
        var height: Int
        /// Its container in `positions`, or -1 for a scalar.
        var container: Int32
        var line: Int
        var column: Int
        /// The scalar's text, for use as a key.
        var text: String?
    }

    private enum Key {
        case name(String)
        case merge
    }

    /// An open sequence or mapping.
    private struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        /// This frame's token in its parent's pointer ("" for the root).
        var token: String
        var array: [JSONValue] = []
        var object = JSONObject()
        /// `<<` merges: sources, and how many explicit members came before them.
        var merges: [(at: Int, sources: [JSONObject])] = []
        var pendingKey: Key?
        var keyLine = 0
        var keyColumn = 0
        var size = 1
        var height = 0
        var members: [SourcePositions.Member] = []
    }

    private struct Anchored {
        var built: Built
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var positions = SourcePositions()

    init(uri: String, limits: DocumentParser.Limits) {
        self.uri = uri
        self.limits = limits
    }

    /// Parses `text` (UTF-8, no BOM). Returns nil for a stream with no document.
    mutating func parse(_ text: UnsafeBufferPointer<UInt8>) throws(SpecLoadError) -> (
        value: JSONValue, positions: SourcePositions
    )? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw SpecLoadError(uri: uri, message: "malformed YAML: out of memory")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, text.baseAddress, text.count)
        var root: Built?
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw parserError(parser.pointee) }
            defer { yaml_event_delete(&event) }
            let line = event.start_mark.line + 1
            let column = event.start_mark.column + 1
            var finished: Built?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard let root else { return nil }
                positions.rootLine = SourcePositions.clamp(root.line)
                positions.rootColumn = SourcePositions.clamp(root.column)
                positions.root = root.container
                return (root.value, positions)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw SpecLoadError(
                        uri: uri, line: line, column: column,
                        message:
                            "malformed YAML: but found another document (expected a single document in the stream at line 1)"
                    )
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                if expectsKey {
                    let name = String(decoding: bytes, as: UTF8.self)
                    if let anchor = scalar.anchor {
                        let value = try scalarValue(
                            bytes, tag: scalar.tag, isPlain: isPlain, line: line, column: column)
                        anchors[String(cString: anchor)] = Anchored(
                            built: Built(
                                value: value, size: 1, height: 0, container: -1, line: line, column: column, text: name)
                        )
                    }
                    try beginKey(name, isPlain: isPlain, line: line, column: column)
                    continue
                }
                let value = try scalarValue(bytes, tag: scalar.tag, isPlain: isPlain, line: line, column: column)
                var built = Built(
                    value: value, size: 1, height: 0, container: -1, line: line, column: column, text: nil)
                if let anchor = scalar.anchor {
                    built.text = String(decoding: bytes, as: UTF8.self)
                    anchors[String(cString: anchor)] = Anchored(built: built)
                    built.text = nil
                }
                finished = built
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let anchored = anchors[name] else {
                    throw SpecLoadError(
                        uri: uri, pointer: pointer(), line: line, column: column,
                        message: "malformed YAML: found undefined alias *\(name)")
                }
                if expectsKey {
                    guard let text = anchored.built.text else {
                        throw SpecLoadError(
                            uri: uri, pointer: pointer(), line: line, column: column,
                            message: "mapping keys must be scalars")
                    }
                    try beginKey(text, isPlain: false, line: line, column: column)
                    continue
                }
                var built = anchored.built
                built.line = line
                built.column = column
                built.text = nil
                finished = built
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if expectsKey {
                    throw SpecLoadError(
                        uri: uri, pointer: pointer(), line: line, column: column,
                        message: "mapping keys must be scalars")
                }
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(
                    Frame(
                        isMapping: isMapping, line: line, column: column, anchor: anchor.map { String(cString: $0) },
                        token: nextToken()))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                finished = closeFrame(frame)
                if let name = frame.anchor, let finished { anchors[name] = Anchored(built: finished) }
            default:
                continue
            }
            guard let finished else { continue }
            if stack.isEmpty {
                root = finished
            } else {
                try add(finished)
            }
        }
    }

    // MARK: Building

    /// Whether the next scalar is a key of the innermost open mapping.
    private var expectsKey: Bool {
        guard let last = stack.indices.last else { return false }
        return stack[last].isMapping && stack[last].pendingKey == nil
    }

    /// The pointer token the next value of the innermost open container gets.
    private func nextToken() -> String {
        guard let last = stack.indices.last else { return "" }
        if stack[last].isMapping {
            if case .name(let name) = stack[last].pendingKey { return name }
            return "<<"
        }
        return String(stack[last].array.count)
    }

    /// Pointer of the innermost open container, plus `child` when given.
    private func pointer(child: String? = nil) -> JSONPointer {
        var tokens = stack.dropFirst().map(\.token)
        if let child { tokens.append(child) }
        return JSONPointer(tokens: tokens)
    }

    private mutating func beginKey(_ name: String, isPlain: Bool, line: Int, column: Int) throws(SpecLoadError) {
        let last = stack.count - 1
        if isPlain && name == "<<" {
            stack[last].pendingKey = .merge
        } else {
            if stack[last].object[name] != nil {
                let first = stack[last].members.first { !$0.isMerge && $0.key == name }
                let firstLine = first.map { " (first written at line \($0.line))" } ?? ""
                throw SpecLoadError(
                    uri: uri, pointer: pointer(), line: line, column: column,
                    message: "duplicate key \"\(name)\"\(firstLine)")
            }
            stack[last].pendingKey = .name(name)
        }
        stack[last].keyLine = line
        stack[last].keyColumn = column
    }

    private mutating func closeFrame(_ frame: Frame) -> Built {
        let value: JSONValue
        if frame.isMapping {
            value = .object(frame.merges.isEmpty ? frame.object : YAMLEventParser.applyMerges(frame))
        } else {
            value = .array(frame.array)
        }
        let container = positions.close(isMapping: frame.isMapping, members: frame.members)
        return Built(
            value: value, size: frame.size, height: frame.height, container: container, line: frame.line,
            column: frame.column,
            text: nil)
    }

    /// The mapping's members with its `<<` merges applied where they were written: earlier
    /// sources win over later ones; explicit keys win over all.
    private static func applyMerges(_ frame: Frame) -> JSONObject {
        var out = JSONObject()
        var nextMerge = 0
        func merge(upTo explicitCount: Int) {
            while nextMerge < frame.merges.count, frame.merges[nextMerge].at <= explicitCount {
                for source in frame.merges[nextMerge].sources {
                    for (name, member) in source where frame.object[name] == nil && out[name] == nil {
                        out[name] = member
                    }
                }
                nextMerge += 1
            }
        }
        var explicitCount = 0
        for (name, member) in frame.object {
            merge(upTo: explicitCount)
            out[name] = member
            explicitCount += 1
        }
        merge(upTo: explicitCount)
        return out
    }

    /// Adds a finished value to the innermost open container, checking the limits.
    private mutating func add(_ built: Built) throws(SpecLoadError) {
        let last = stack.count - 1
        if built.height + 1 > limits.maxDepth {
            let token = nextToken()
            throw SpecLoadError(
                uri: uri, pointer: pointer(child: token), line: built.line, column: built.column,
                message: "nesting deeper than \(limits.maxDepth) levels")
        }
        stack[last].size += built.size
        stack[last].height = max(stack[last].height, built.height + 1)
        if stack[last].size > limits.maxNodes {
            let frame = stack[last]
            throw SpecLoadError(
                uri: uri, pointer: pointer(), line: frame.line, column: frame.column,
                message: "the document expands to more than \(limits.maxNodes) values (too many YAML aliases?)")
        }
        guard stack[last].isMapping else {
            stack[last].array.append(built.value)
            stack[last].members.append(
                SourcePositions.Member(
                    key: "", line: SourcePositions.clamp(built.line), column: SourcePositions.clamp(built.column),
                    child: built.container, isMerge: false))
            return
        }
        let keyLine = SourcePositions.clamp(stack[last].keyLine)
        let keyColumn = SourcePositions.clamp(stack[last].keyColumn)
        switch stack[last].pendingKey {
        case .merge:
            var sources: [JSONObject] = []
            switch built.value {
            case .object(let object): sources = [object]
            case .array(let list):
                for element in list {
                    guard case .object(let object) = element else {
                        throw SpecLoadError(
                            uri: uri, pointer: pointer(child: "<<"), line: built.line, column: built.column,
                            message: "a `<<` merge key needs a mapping or a list of mappings")
                    }
                    sources.append(object)
                }
            default:
                throw SpecLoadError(
                    uri: uri, pointer: pointer(child: "<<"), line: Int(keyLine), column: Int(keyColumn),
                    message: "a `<<` merge key needs a mapping or a list of mappings")
            }
            stack[last].merges.append((stack[last].object.count, sources))
            stack[last].members.append(
                SourcePositions.Member(
                    key: "<<", line: keyLine, column: keyColumn, child: built.container, isMerge: true))
        case .name(let name):
            stack[last].object[name] = built.value
            stack[last].members.append(
                SourcePositions.Member(
                    key: name, line: keyLine, column: keyColumn, child: built.container, isMerge: false))
        case nil:
            break
        }
        stack[last].pendingKey = nil
    }

    // MARK: Scalars

    private func scalarValue(
        _ bytes: UnsafeBufferPointer<UInt8>, tag: UnsafeMutablePointer<yaml_char_t>?, isPlain: Bool, line: Int,
        column: Int
    ) throws(SpecLoadError) -> JSONValue {
        guard let tag else {
            return isPlain ? YAMLEventParser.resolvePlain(bytes) : .string(String(decoding: bytes, as: UTF8.self))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        func invalid(_ kind: String) -> SpecLoadError {
            SpecLoadError(
                uri: uri, pointer: pointer(child: nextToken()), line: line, column: column,
                message: "\"\(text)\" is not a valid !!\(kind)")
        }
        switch String(cString: tag) {
        case "?":
            return isPlain ? YAMLEventParser.resolvePlain(bytes) : .string(text)
        case "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp":
            return .string(text)
        case "tag:yaml.org,2002:null":
            guard case .null = YAMLEventParser.resolvePlain(bytes) else { throw invalid("null") }
            return .null
        case "tag:yaml.org,2002:bool":
            guard case .bool(let b) = YAMLEventParser.resolvePlain(bytes) else { throw invalid("bool") }
            return .bool(b)
        case "tag:yaml.org,2002:int":
            guard let n = YAMLEventParser.number(text), n.isInteger else { throw invalid("int") }
            return .number(n)
        case "tag:yaml.org,2002:float":
            guard let n = YAMLEventParser.number(text) else { throw invalid("float") }
            return .number(n)
        default:
            // Tags this tool does not know: keep the value as if untagged.
            return isPlain ? YAMLEventParser.resolvePlain(bytes) : .string(text)
        }
    }

    /// Core-schema resolution of a plain scalar; looks at the first byte before making anything.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            if bytes.count <= 5 { return resolvePlain(String(decoding: bytes, as: UTF8.self)) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return resolvePlain(String(decoding: bytes, as: UTF8.self))
        default:
            break
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// Core-schema resolution of a plain scalar.
    static func resolvePlain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let n = number(text) { return .number(n) }
        return .string(text)
    }

    /// A core-schema integer or float literal (`+1`, `.5`, `1.`, `1e3`, `0x1F`, `0o17`), or nil.
    /// `.inf` and `.nan` have no JSON form and stay strings.
    static func number(_ text: String) -> JSONNumber? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = String(decoding: bytes[2...], as: UTF8.self)
            if bytes[1] == UInt8(ascii: "x") { return Int(digits, radix: 16).map { JSONNumber($0) } }
            if bytes[1] == UInt8(ascii: "o") { return Int(digits, radix: 8).map { JSONNumber($0) } }
        }
        var i = 0
        var sign = ""
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            if bytes[0] == UInt8(ascii: "-") { sign = "-" }
            i = 1
        }
        func digits() -> String {
            let start = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        let integral = digits()
        var fraction = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fraction = digits()
        }
        guard !integral.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expSign = ""
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expSign = bytes[i] == UInt8(ascii: "-") ? "-" : ""
                i += 1
            }
            let expDigits = digits()
            guard !expDigits.isEmpty else { return nil }
            exponent = "e" + expSign + expDigits
        }
        guard i == bytes.count else { return nil }
        let literal = sign + (integral.isEmpty ? "0" : integral) + (fraction.isEmpty ? "" : "." + fraction) + exponent
        return JSONNumber(literal: literal)
    }

    // MARK: Errors

    private func parserError(_ parser: yaml_parser_t) -> SpecLoadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let line = parser.problem_mark.line + 1
        let column = parser.problem_mark.column + 1
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return SpecLoadError(uri: uri, message: "malformed YAML: out of memory")
        case YAML_READER_ERROR:
            return SpecLoadError(uri: uri, message: "malformed YAML: \(problem) at byte \(parser.problem_offset)")
        default:
            if problem.hasPrefix("Maximum nesting level reached") {
                // libyaml stops at its own nesting limit (1,000 levels) before anything recurses.
                return SpecLoadError(
                    uri: uri, line: line, column: column, message: "malformed YAML: nesting deeper than 1000 levels")
            }
            var context = ""
            if let text = parser.context.map({ String(cString: $0) }), !text.isEmpty {
                context = " (\(text) at line \(parser.context_mark.line + 1))"
            }
            return SpecLoadError(uri: uri, line: line, column: column, message: "malformed YAML: \(problem)\(context)")
        }
    }
}
